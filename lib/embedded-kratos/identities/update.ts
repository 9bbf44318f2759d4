import { badRequest } from "../errors";
import type { KratosDeps } from "../deps";
import { encodeIdentity } from "../encode/identity";
import { expectType, formatTime, isObject, type JsonObject } from "../http";
import type { IdentityRecord } from "../store/types";
import { deriveAndValidate, importCredentials, parseState, type PreparedIdentity } from "./import";
import { applyPatch, type PatchOp } from "./json-patch";
import { hashPendingPasswords } from "./passwords";

const PATCH_DENIED = [
  "/id",
  "/stateChangedAt",
  "/credentials",
  "/credentials/oidc",
  "/credentials/oidc/**",
  "/credentials/saml",
  "/credentials/saml/**",
];

/** PUT semantics: traits and metadata replaced, password replaced, oidc appended. */
export async function applyUpdate(current: IdentityRecord, body: unknown, deps: KratosDeps): Promise<IdentityRecord> {
  expectType(body, "object", "UpdateIdentityBody");
  const b = body as JsonObject;
  const now = formatTime(deps.now());
  const rec = structuredClone(current);
  if (typeof b.schema_id === "string" && b.schema_id !== "") rec.schemaId = b.schema_id;
  const state = parseState(b.state);
  if (state && state !== rec.state) {
    rec.state = state;
    rec.stateChangedAt = now;
  }
  rec.traits = b.traits ?? null;
  rec.metadataPublic = b.metadata_public ?? null;
  rec.metadataAdmin = b.metadata_admin ?? null;
  rec.externalId = typeof b.external_id === "string" && b.external_id !== "" ? b.external_id : null;
  rec.updatedAt = now;
  const prepared: PreparedIdentity = { record: rec, suppliedVerifiable: [] };
  if (b.credentials !== undefined && b.credentials !== null) importCredentials(prepared, b.credentials, deps);
  deriveAndValidate(prepared, deps, current);
  await hashPendingPasswords([prepared], deps.config.bcryptCost);
  return rec;
}

/** PATCH semantics: JSON Patch over the admin JSON (with credential configs), then re-validated. */
export function applyIdentityPatch(current: IdentityRecord, ops: PatchOp[], deps: KratosDeps): IdentityRecord {
  const doc = encodeIdentity(current, {
    publicBaseUrl: deps.config.publicBaseUrl,
    admin: true,
    credentials: true,
    withConfig: current.credentials.map((c) => c.type),
  });
  const patched = applyPatch(doc, ops, PATCH_DENIED);
  const now = formatTime(deps.now());
  const rec = structuredClone(current);
  if (typeof patched.schema_id === "string" && patched.schema_id !== "") rec.schemaId = patched.schema_id;
  if (patched.state !== current.state) {
    if (patched.state !== "active" && patched.state !== "inactive") {
      throw badRequest(
        `The supplied state ('${typeof patched.state === "string" ? patched.state : JSON.stringify(patched.state ?? "")}') was not valid. Valid states are ('active', 'inactive').`,
        "identity state is not valid",
      );
    }
    rec.state = patched.state;
    rec.stateChangedAt = now;
  }
  rec.traits = patched.traits ?? null;
  rec.metadataPublic = patched.metadata_public ?? null;
  rec.metadataAdmin = patched.metadata_admin ?? null;
  rec.externalId = typeof patched.external_id === "string" && patched.external_id !== "" ? patched.external_id : null;
  rec.updatedAt = now;
  copyPatchedPasswordConfig(rec, patched.credentials);
  const supplied = Array.isArray(patched.verifiable_addresses) ? patched.verifiable_addresses.filter(isObject) : [];
  deriveAndValidate({ record: rec, suppliedVerifiable: supplied }, deps, current);
  return rec;
}

/** A patched hashed_password is stored verbatim (Kratos does not re-validate it). */
function copyPatchedPasswordConfig(rec: IdentityRecord, credentials: unknown): void {
  if (!isObject(credentials) || !isObject(credentials.password)) return;
  const config = credentials.password.config;
  const cred = rec.credentials.find((c) => c.type === "password");
  if (cred && isObject(config)) cred.config = config;
}
