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
  /** Kratos leaves the address slices unloaded (so omitted) in session lists. */
  addresses?: boolean;
  /** Identities of GET /admin/identities/{id}/sessions carry an empty schema_url. */
  schemaUrl?: boolean;
  /** Create and PUT echo the request's metadata_admin, which is omitted when it was not given. */
  omitNullAdminMetadata?: boolean;
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
    schema_url: opts.schemaUrl === false ? "" : `${opts.publicBaseUrl}/schemas/${schemaIdToBase64(rec.schemaId)}`,
    state: rec.state,
    ...(rec.stateChangedAt !== null && { state_changed_at: rec.stateChangedAt }),
    traits: rec.traits,
    ...(rec.externalId !== null && rec.externalId !== "" && { external_id: rec.externalId }),
    ...(opts.addresses !== false && {
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
    }),
    ...(opts.addresses !== false && {
      recovery_addresses: rec.recoveryAddresses.map((a) => ({
        id: a.id,
        value: a.value,
        via: a.via,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
      })),
    }),
    metadata_public: rec.metadataPublic ?? null,
    ...(opts.admin &&
      !(opts.omitNullAdminMetadata && rec.metadataAdmin === null) && { metadata_admin: rec.metadataAdmin ?? null }),
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
