import type { KratosDeps } from "../deps";
import { hashPassword } from "../crypto/passwords";
import { KratosError, isUniqueViolation } from "../errors";
import { formatTime, isObject, type JsonObject } from "../http";
import { deriveAndValidate } from "../identities/import";
import type { SelfServiceFlowRecord } from "../store/selfservice-types";
import type { IdentityRecord, SessionRecord } from "../store/types";
import { flowMessages } from "./flow-messages";
import { checkPassword } from "./password-policy";
import { traitErrors } from "./trait-errors";
import { isPrivileged, needsReauth } from "./settings-flow";

export type SettingsOutcome = { ok: true; flow: SelfServiceFlowRecord } | { ok: false; flow: SelfServiceFlowRecord };

const identifiersOf = (i: IdentityRecord) => i.credentials.find((c) => c.type === "password")?.identifiers ?? [];

/** The profile method: replaces traits; changing an identifier needs a privileged session. */
export function updateProfile(
  deps: KratosDeps,
  flow: SelfServiceFlowRecord,
  identity: IdentityRecord,
  session: SessionRecord,
  body: JsonObject,
  path: string,
): SettingsOutcome {
  const traits = isObject(body.traits) ? body.traits : {};
  const rec = structuredClone(identity);
  rec.traits = traits;
  rec.updatedAt = formatTime(deps.now());
  const errors = traitErrors(deps, rec.schemaId, traits);
  if (errors) return { ok: false, flow: { ...flow, values: { traits }, ...errors } };
  deriveAndValidate({ record: rec, suppliedVerifiable: [] }, deps, identity);
  const before = JSON.stringify([...identifiersOf(identity)].sort());
  const after = JSON.stringify([...identifiersOf(rec)].sort());
  if (before !== after && !isPrivileged(deps, session)) throw needsReauth(deps, path);
  try {
    deps.store.identities.update(rec);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return {
      ok: false,
      flow: { ...flow, values: { traits }, messages: [flowMessages.duplicateIdentifier()], nodeMessages: {} },
    };
  }
  return {
    ok: true,
    flow: { ...flow, state: "success", values: {}, messages: [flowMessages.settingsSaved()], nodeMessages: {} },
  };
}

/** The password method: privileged session, password policy, then a new bcrypt hash. */
export async function updatePassword(
  deps: KratosDeps,
  flow: SelfServiceFlowRecord,
  identity: IdentityRecord,
  session: SessionRecord,
  body: JsonObject,
  path: string,
): Promise<SettingsOutcome> {
  if (!isPrivileged(deps, session)) throw needsReauth(deps, path);
  const password = typeof body.password === "string" ? body.password : "";
  const problem = checkPassword(deps.config.selfService, identifiersOf(identity)[0] ?? "", password);
  if (problem) return { ok: false, flow: { ...flow, messages: [], nodeMessages: { password: [problem] } } };
  const rec = structuredClone(identity);
  const now = formatTime(deps.now());
  const hashed = await hashPassword(password, deps.config.bcryptCost);
  let cred = rec.credentials.find((c) => c.type === "password");
  if (!cred) {
    cred = {
      id: deps.newId(),
      type: "password",
      identifiers: [],
      config: {},
      version: 0,
      createdAt: now,
      updatedAt: now,
    };
    rec.credentials.push(cred);
  }
  cred.config = { hashed_password: hashed };
  cred.updatedAt = now;
  deriveAndValidate({ record: rec, suppliedVerifiable: [] }, deps, identity);
  rec.updatedAt = now;
  deps.store.identities.update(rec);
  return { ok: true, flow: { ...flow, state: "success", messages: [flowMessages.settingsSaved()], nodeMessages: {} } };
}

export const settingsNoStrategy = (): KratosError =>
  new KratosError(400, {
    reason: "Could not find a strategy to update your settings with. Did you fill out the form correctly?",
  });
