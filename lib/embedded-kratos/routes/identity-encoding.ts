import type { Context } from "hono";
import type { KratosDeps } from "../deps";
import { encodeIdentity } from "../encode/identity";
import { KratosError } from "../errors";
import type { JsonObject } from "../http";
import type { IdentityRecord } from "../store/types";

const CREDENTIAL_TYPES = [
  "password",
  "oidc",
  "totp",
  "lookup_secret",
  "webauthn",
  "code",
  "passkey",
  "profile",
  "saml",
  "link_recovery",
  "code_recovery",
];

/** Reads repeated include_credential values; unknown types are a 400 as in Kratos. */
export function includeCredentials(c: Context): string[] {
  const values = c.req.queries("include_credential") ?? [];
  for (const v of values) {
    if (!CREDENTIAL_TYPES.includes(v)) {
      // Kratos formats the rejected value with an emptied list, so the reason always reads `[]`.
      throw new KratosError(400, { reason: "Invalid value `[]` for parameter `include_credential`." });
    }
  }
  return values;
}

/** Admin identity JSON: metadata_admin, credentials (config only for the listed types). */
export function adminIdentity(
  rec: IdentityRecord,
  deps: KratosDeps,
  opts: { credentials?: boolean; withConfig?: string[]; omitNullAdminMetadata?: boolean } = {},
): JsonObject {
  return encodeIdentity(rec, {
    publicBaseUrl: deps.config.publicBaseUrl,
    admin: true,
    credentials: opts.credentials ?? true,
    withConfig: opts.withConfig,
    omitNullAdminMetadata: opts.omitNullAdminMetadata,
  });
}
