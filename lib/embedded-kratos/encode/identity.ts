import type { JsonObject } from "../http";
import { schemaIdToBase64 } from "../schema/registry";
import type { CredentialRecord, IdentityRecord } from "../store/types";

export interface IdentityEncodeOptions {
  publicBaseUrl: string;
  /** Admin responses carry metadata_admin; whoami and login responses do not. */
  admin: boolean;
  /** Include the `credentials` map (admin get/create/update, or when filtered by identifier). */
  credentials: boolean;
  /** Credential types whose `config` is shown (include_credential). */
  withConfig?: readonly string[];
}

function encodeCredential(c: CredentialRecord, withConfig: boolean): JsonObject {
  return {
    type: c.type,
    identifiers: c.identifiers,
    ...(withConfig && { config: c.config }),
    version: c.version,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

/** Identity JSON with Kratos's key-presence rules (kratos-api.md §3.9). */
export function encodeIdentity(rec: IdentityRecord, opts: IdentityEncodeOptions): JsonObject {
  const out: JsonObject = {
    id: rec.id,
    schema_id: rec.schemaId,
    schema_url: `${opts.publicBaseUrl}/schemas/${schemaIdToBase64(rec.schemaId)}`,
    state: rec.state,
    ...(rec.stateChangedAt !== null && { state_changed_at: rec.stateChangedAt }),
    traits: rec.traits,
    ...(rec.externalId !== null && rec.externalId !== "" && { external_id: rec.externalId }),
    verifiable_addresses: rec.verifiableAddresses.map((a) => ({
      id: a.id,
      value: a.value,
      verified: a.verified,
      via: a.via,
      status: a.status,
      ...(a.verifiedAt !== null && { verified_at: a.verifiedAt }),
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })),
    recovery_addresses: rec.recoveryAddresses.map((a) => ({
      id: a.id,
      value: a.value,
      via: a.via,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })),
    metadata_public: rec.metadataPublic ?? null,
    ...(opts.admin && { metadata_admin: rec.metadataAdmin ?? null }),
    created_at: rec.createdAt,
    updated_at: rec.updatedAt,
    organization_id: null,
  };
  if (opts.admin && opts.credentials) {
    const withConfig = opts.withConfig ?? [];
    out.credentials = Object.fromEntries(
      rec.credentials.map((c) => [c.type, encodeCredential(c, withConfig.includes(c.type))]),
    );
  }
  return out;
}
