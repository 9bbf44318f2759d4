import type { Context } from "hono";
import type { KratosDeps } from "../deps";
import { hashPassword } from "../crypto/passwords";
import { isUniqueViolation } from "../errors";
import { formatTime, isObject, type JsonObject } from "../http";
import { deriveAndValidate } from "../identities/import";
import { issueSession } from "../sessions/issue";
import type { SelfServiceFlowRecord } from "../store/selfservice-types";
import type { IdentityRecord, SessionRecord } from "../store/types";
import { flowMessages } from "./flow-messages";
import { checkPassword } from "./password-policy";
import { traitErrors } from "./trait-errors";
import { withEmptyObjects } from "./trait-nodes";
import { startVerificationAfterRegistration } from "./verification-flow";

export type RegistrationOutcome =
  | { ok: false; flow: SelfServiceFlowRecord }
  | { ok: true; identity: IdentityRecord; session?: { token: string; record: SessionRecord } };

/** The password strategy: validate traits and password, refuse taken identifiers, create, run the hooks. */
export async function registerWithPassword(
  c: Context,
  deps: KratosDeps,
  flow: SelfServiceFlowRecord,
  body: JsonObject,
): Promise<RegistrationOutcome> {
  const traits = withEmptyObjects(
    deps.config.schemas,
    deps.config.defaultSchemaId,
    isObject(body.traits) ? body.traits : {},
  );
  const password = typeof body.password === "string" ? body.password : "";
  const failed = (patch: Partial<SelfServiceFlowRecord>): RegistrationOutcome => ({
    ok: false,
    flow: { ...flow, values: { traits }, messages: [], nodeMessages: {}, ...patch },
  });
  const schemaId = deps.config.defaultSchemaId;
  const bad = traitErrors(deps, schemaId, traits);
  if (bad) return failed(bad);
  const now = formatTime(deps.now());
  const record: IdentityRecord = {
    id: deps.newId(),
    schemaId,
    state: "active",
    stateChangedAt: now,
    traits,
    metadataPublic: null,
    metadataAdmin: null,
    externalId: null,
    createdAt: now,
    updatedAt: now,
    credentials: [],
    verifiableAddresses: [],
    recoveryAddresses: [],
  };
  deriveAndValidate({ record, suppliedVerifiable: [] }, deps);
  const identifiers = record.credentials.find((x) => x.type === "password")?.identifiers ?? [];
  const problem = checkPassword(deps.config.selfService, identifiers[0] ?? "", password);
  if (problem) return failed({ nodeMessages: { password: [problem] } });
  const taken = identifiers.some((i) => deps.store.identities.findByIdentifier("password", i));
  if (taken) return failed({ values: {}, messages: [flowMessages.duplicateIdentifier()] });
  const cred = record.credentials.find((x) => x.type === "password");
  if (cred) cred.config = { hashed_password: await hashPassword(password, deps.config.bcryptCost) };
  try {
    deps.store.identities.insert(record);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return failed({ values: {}, messages: [flowMessages.duplicateIdentifier()] });
  }
  startVerificationAfterRegistration(
    deps,
    record,
    flow.type,
    `${deps.config.publicBaseUrl}/self-service/registration?flow=${flow.id}`,
  );
  const identity = deps.store.identities.get(record.id) ?? record;
  if (!deps.config.selfService.registrationHooks.includes("session")) return { ok: true, identity };
  const { token, session } = issueSession(deps, identity, c, "password");
  return { ok: true, identity, session: { token, record: session } };
}
