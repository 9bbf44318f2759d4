import { KratosError, badRequest } from "../errors";
import type { KratosDeps } from "../deps";
import { assertKnownKeys, expectType, formatTime, isObject, type JsonObject } from "../http";
import { validateImportedHash } from "../crypto/passwords";
import type { CredentialRecord, IdentityRecord, IdentityState } from "../store/types";

/** A decoded identity whose plaintext password (if any) still has to be hashed. */
export interface PreparedIdentity {
  record: IdentityRecord;
  plaintextPassword?: string;
  /** Addresses supplied in the body; merged with schema-derived ones by `deriveAndValidate`. */
  suppliedVerifiable: JsonObject[];
}

const CREATE_KEYS = [
  "schema_id",
  "traits",
  "credentials",
  "verifiable_addresses",
  "recovery_addresses",
  "metadata_public",
  "metadata_admin",
  "state",
  "organization_id",
  "external_id",
] as const;

export function parseState(v: unknown): IdentityState | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (v === "active" || v === "inactive") return v;
  throw badRequest("identity state is not valid");
}

/**
 * Decodes a CreateIdentityBody strictly, as Kratos's jsonx strict decoder does, and checks
 * state and imported hashes. Trait validation happens later so the batch can report it per item.
 */
export function prepareCreate(body: unknown, deps: KratosDeps): PreparedIdentity {
  expectType(body, "object", "CreateIdentityBody");
  const b = body as JsonObject;
  assertKnownKeys(b, CREATE_KEYS);
  const now = formatTime(deps.now());
  const state = parseState(b.state) ?? "active";
  if (b.external_id !== undefined && b.external_id !== null) expectType(b.external_id, "string", "external_id");
  if (b.schema_id !== undefined && b.schema_id !== null) expectType(b.schema_id, "string", "schema_id");
  const record: IdentityRecord = {
    id: deps.newId(),
    schemaId: typeof b.schema_id === "string" && b.schema_id !== "" ? b.schema_id : deps.config.defaultSchemaId,
    state,
    stateChangedAt: now,
    traits: b.traits ?? null,
    metadataPublic: b.metadata_public ?? null,
    metadataAdmin: b.metadata_admin ?? null,
    externalId: typeof b.external_id === "string" && b.external_id !== "" ? b.external_id : null,
    createdAt: now,
    updatedAt: now,
    credentials: [],
    verifiableAddresses: [],
    recoveryAddresses: [],
  };
  const supplied = Array.isArray(b.verifiable_addresses) ? b.verifiable_addresses.filter(isObject) : [];
  const prepared: PreparedIdentity = { record, suppliedVerifiable: supplied };
  if (b.credentials !== undefined && b.credentials !== null) importCredentials(prepared, b.credentials, deps);
  return prepared;
}

/** importCredentials: password is replaced, oidc providers are appended. */
export function importCredentials(p: PreparedIdentity, raw: unknown, deps: KratosDeps): void {
  expectType(raw, "object", "credentials");
  const creds = raw as JsonObject;
  assertKnownKeys(creds, ["password", "oidc", "saml"]);
  const now = formatTime(deps.now());
  const rec = p.record;
  if (isObject(creds.password)) {
    assertKnownKeys(creds.password, ["config"]);
    const cfg = isObject(creds.password.config) ? creds.password.config : {};
    assertKnownKeys(cfg, ["password", "hashed_password", "use_password_migration_hook"]);
    const existing = rec.credentials.find((c) => c.type === "password");
    const cred = existing ?? newCredential(deps, "password", now);
    if (typeof cfg.hashed_password === "string" && cfg.hashed_password !== "") {
      validateImportedHash(cfg.hashed_password);
      cred.config = { hashed_password: cfg.hashed_password };
    } else if (typeof cfg.password === "string" && cfg.password !== "") {
      if (Buffer.byteLength(cfg.password, "utf8") > 72) {
        // What Kratos v26.2.0 answers: the policy error surfaces as a 500.
        throw new KratosError(500, {
          message: `I[#/password] S[] the password does not fulfill the password policy because: The password must be at most 72 characters long, but got ${Buffer.byteLength(cfg.password, "utf8")}.`,
        });
      }
      p.plaintextPassword = cfg.password;
      cred.config = {};
    } else if (cfg.use_password_migration_hook === true) {
      cred.config = { use_password_migration_hook: true };
    }
    cred.updatedAt = now;
    if (!existing) rec.credentials.push(cred);
  }
  for (const type of ["oidc", "saml"] as const) {
    const entry = creds[type];
    if (!isObject(entry)) continue;
    assertKnownKeys(entry, ["config"]);
    const cfg = isObject(entry.config) ? entry.config : {};
    assertKnownKeys(cfg, ["providers"]);
    const providers = Array.isArray(cfg.providers) ? cfg.providers : [];
    const existing = rec.credentials.find((c) => c.type === type);
    const cred = existing ?? newCredential(deps, type, now);
    const list = Array.isArray(cred.config.providers) ? (cred.config.providers as JsonObject[]) : [];
    for (const prov of providers) {
      expectType(prov, "object", `${type}.providers`);
      const pv = prov as JsonObject;
      assertKnownKeys(pv, ["subject", "provider", "use_auto_link", "organization"]);
      const subject = typeof pv.subject === "string" ? pv.subject : "";
      const provider = typeof pv.provider === "string" ? pv.provider : "";
      if (!subject || !provider) throw badRequest(`The ${type} provider and subject must be set.`);
      list.push({
        subject,
        provider,
        initial_id_token: "",
        initial_access_token: "",
        initial_refresh_token: "",
        ...(pv.use_auto_link === true && { use_auto_link: true }),
      });
      cred.identifiers.push(`${provider}:${subject}`);
    }
    cred.config = { providers: list };
    cred.updatedAt = now;
    if (!existing) rec.credentials.push(cred);
  }
}

function newCredential(deps: KratosDeps, type: string, now: string): CredentialRecord {
  return { id: deps.newId(), type, identifiers: [], config: {}, version: 0, createdAt: now, updatedAt: now };
}

/**
 * Validates traits and re-derives password identifiers and addresses from the schema
 * extension, keeping ids and verification status of addresses that did not change.
 */
export function deriveAndValidate(p: PreparedIdentity, deps: KratosDeps, previous?: IdentityRecord): void {
  const rec = p.record;
  const schemas = deps.config.schemas;
  schemas.validateTraits(rec.schemaId, rec.traits);
  const derived = schemas.derive(rec.schemaId, rec.traits);
  const now = formatTime(deps.now());
  let pw = rec.credentials.find((c) => c.type === "password");
  if (!pw && derived.passwordIdentifiers.length > 0) {
    pw = newCredential(deps, "password", now);
    rec.credentials.push(pw);
  }
  if (pw) pw.identifiers = derived.passwordIdentifiers;
  const prevV = previous?.verifiableAddresses ?? [];
  rec.verifiableAddresses = derived.verifiable.map((a) => {
    const old = prevV.find((o) => o.value === a.value && o.via === a.via);
    const given = p.suppliedVerifiable.find((s) => typeof s.value === "string" && s.value.toLowerCase() === a.value);
    const verified = given ? given.verified === true : (old?.verified ?? false);
    const status =
      typeof given?.status === "string" ? given.status : (old?.status ?? (verified ? "completed" : "pending"));
    return {
      id: old?.id ?? deps.newId(),
      value: a.value,
      via: a.via,
      verified,
      status,
      verifiedAt: verified
        ? typeof given?.verified_at === "string"
          ? given.verified_at
          : (old?.verifiedAt ?? now)
        : null,
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
    };
  });
  const prevR = previous?.recoveryAddresses ?? [];
  rec.recoveryAddresses = derived.recovery.map((a) => {
    const old = prevR.find((o) => o.value === a.value && o.via === a.via);
    return {
      id: old?.id ?? deps.newId(),
      value: a.value,
      via: a.via,
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
    };
  });
}
