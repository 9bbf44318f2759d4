import type { Context } from "hono";
import type { KratosDeps } from "../deps";
import { hashPassword, verifyPassword } from "../crypto/passwords";
import { KratosError } from "../errors";
import { formatTime, type JsonObject } from "../http";
import { normalizeIdentifier } from "../schema/registry";
import { issueSession } from "../sessions/issue";
import type { IdentityRecord, LoginFlowRecord, SessionRecord } from "../store/types";
import { messages } from "./messages";

export type PasswordLoginResult =
  { ok: true; token: string; session: SessionRecord; identity: IdentityRecord } | { ok: false; flow: LoginFlowRecord };

/** Kratos's random delay for unknown identifiers, so timing does not reveal which accounts exist. */
async function unknownIdentifierDelay(deps: KratosDeps): Promise<void> {
  const [min, max] = deps.config.unknownIdentifierDelayMs;
  const ms = min + deps.random() * Math.max(0, max - min);
  if (ms > 0) await deps.sleep(ms);
}

/** The password strategy: form errors come back as the updated flow (HTTP 400 by the caller). */
export async function loginWithPassword(
  deps: KratosDeps,
  flow: LoginFlowRecord,
  body: JsonObject,
  c: Context,
): Promise<PasswordLoginResult> {
  const rawIdentifier =
    typeof body.identifier === "string" && body.identifier !== ""
      ? body.identifier
      : typeof body.password_identifier === "string"
        ? body.password_identifier
        : "";
  const password = typeof body.password === "string" ? body.password : "";
  const next: LoginFlowRecord = {
    ...flow,
    identifierValue: rawIdentifier,
    messages: [],
    identifierMessages: [],
    passwordMessages: [],
    updatedAt: formatTime(deps.now()),
  };
  if (!rawIdentifier) next.identifierMessages = [messages.missingProperty("identifier")];
  if (!password) next.passwordMessages = [messages.missingProperty("password")];
  if (!rawIdentifier || !password) return { ok: false, flow: next };

  const identity = deps.store.identities.findByIdentifier("password", normalizeIdentifier(rawIdentifier));
  const cred = identity?.credentials.find((x) => x.type === "password");
  const hashed = typeof cred?.config.hashed_password === "string" ? cred.config.hashed_password : "";
  if (!identity || !hashed) {
    await unknownIdentifierDelay(deps);
    return { ok: false, flow: { ...next, messages: [messages.invalidCredentials()] } };
  }
  if (!(await verifyPassword(password, hashed))) {
    return { ok: false, flow: { ...next, messages: [messages.invalidCredentials()] } };
  }
  if (identity.state !== "active") {
    // Documented choice: we follow Kratos v26.2.0 (the latest tag), which answers a disabled
    // identity with a 401 JSON error after the password check. Kratos HEAD instead returns a
    // 400 flow with message 4010011; switch here if the app targets HEAD.
    throw new KratosError(401, {
      reason: "This account was disabled.",
      message: "identity is disabled",
      details: { identity_id: identity.id },
    });
  }
  await migrateHash(deps, identity, password, hashed);
  const { token, session } = issueSession(deps, identity, c);
  return { ok: true, token, session, identity };
}

/** Kratos re-hashes non-bcrypt (e.g. imported argon2) hashes after a successful login. */
async function migrateHash(deps: KratosDeps, identity: IdentityRecord, password: string, hashed: string) {
  if (hashed.startsWith("$2a$") || hashed.startsWith("$2b$") || hashed.startsWith("$2y$")) return;
  const fresh = await hashPassword(password, deps.config.bcryptCost);
  const rec = structuredClone(identity);
  const cred = rec.credentials.find((x) => x.type === "password");
  if (!cred) return;
  cred.config = { ...cred.config, hashed_password: fresh };
  cred.updatedAt = formatTime(deps.now());
  deps.store.identities.update(rec);
}
