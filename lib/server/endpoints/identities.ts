import "server-only";
import { IMPORT_LIMIT } from "@/lib/server/http/body";
import { endpoint, type RouteAuth } from "@/lib/server/http/endpoint";
import { idParamsSchema } from "@/lib/schemas/common";
import {
  bulkBodySchema,
  bulkResultSchema,
  createIdentityBodySchema,
  indexedIdentityPageSchema,
  identitySchema,
  listIdentitiesQuerySchema,
  recoveryBodySchema,
  recoverySchema,
  resetPasswordBodySchema,
  resetPasswordResultSchema,
  setStateBodySchema,
  updateIdentityBodySchema,
  verifyAddressBodySchema,
} from "@/lib/schemas/identity";
import { importBodySchema, importQuerySchema, importResponseSchema } from "@/lib/schemas/import";
import { unlinkParamsSchema } from "@/lib/schemas/provider";
import { sessionPageSchema } from "@/lib/schemas/session";

/** The user endpoints both APIs share: /api/auth (cookie) and /v1/auth (service_role key) declare them alike. */
function shared(base: "/api/auth" | "/v1/auth", auth: RouteAuth, tag: string) {
  const admin = auth === "admin";
  return {
    list: endpoint({
      method: "GET",
      path: `${base}/identities`,
      summary:
        "List users from the identity index: sort (created, email, name, last_sign_in; asc or desc), search q across identifiers and traits, filters (state, schema_id, provider, admin, verified), the exact total, keyset cursor; credentials_identifier is Kratos's exact lookup",
      tag,
      auth,
      query: listIdentitiesQuerySchema,
      response: indexedIdentityPageSchema,
    }),
    create: endpoint({
      method: "POST",
      path: `${base}/identities`,
      summary: "Create a user",
      tag,
      auth,
      body: createIdentityBodySchema,
      response: identitySchema,
      status: 201,
      errors: ["conflict"],
    }),
    get: endpoint({
      method: "GET",
      path: `${base}/identities/{id}`,
      summary: "Get a user, with credential types and linked providers",
      tag,
      auth,
      params: idParamsSchema,
      response: identitySchema,
    }),
    remove: endpoint({
      method: "DELETE",
      path: `${base}/identities/{id}`,
      summary: admin
        ? "Delete a user (never the last admin; needs a recent sign-in)"
        : "Delete a user (never an admin: 403 admin_protected)",
      tag,
      auth,
      params: idParamsSchema,
      recentAuth: true,
      errors: admin ? ["conflict", "reauth_required"] : ["admin_protected"],
    }),
    state: endpoint({
      method: "PATCH",
      path: `${base}/identities/{id}/state`,
      summary: "Activate or deactivate (deactivating revokes every session)",
      tag,
      auth,
      params: idParamsSchema,
      body: setStateBodySchema,
      response: identitySchema,
      errors: admin ? ["conflict"] : ["admin_protected"],
    }),
    resetPassword: endpoint({
      method: "POST",
      path: `${base}/identities/{id}/reset-password`,
      summary: "Set a new password (revokes sessions unless told not to)",
      tag,
      auth,
      params: idParamsSchema,
      body: resetPasswordBodySchema,
      response: resetPasswordResultSchema,
      recentAuth: true,
      errors: admin ? ["reauth_required"] : ["admin_protected"],
    }),
    sessions: endpoint({
      method: "GET",
      path: `${base}/identities/{id}/sessions`,
      summary: "A user's active sessions",
      tag,
      auth,
      params: idParamsSchema,
      response: sessionPageSchema,
    }),
    revokeSessions: endpoint({
      method: "DELETE",
      path: `${base}/identities/{id}/sessions`,
      summary: "Revoke all of a user's sessions (force logout)",
      tag,
      auth,
      params: idParamsSchema,
    }),
    import: endpoint({
      method: "POST",
      path: `${base}/users/import`,
      summary:
        "Import up to 500 users (per-row results in input order, audited per row; ?dry_run=true validates only and is not audited; optional Idempotency-Key)",
      tag,
      auth,
      query: importQuerySchema,
      body: importBodySchema,
      response: importResponseSchema,
      maxBody: IMPORT_LIMIT,
      errors: ["unprocessable", "conflict"],
    }),
  };
}

export const identityEndpoints = {
  ...shared("/api/auth", "admin", "Users"),
  update: endpoint({
    method: "PATCH",
    path: "/api/auth/identities/{id}",
    summary: "Edit email, name, traits or public metadata",
    tag: "Users",
    auth: "admin",
    params: idParamsSchema,
    body: updateIdentityBodySchema,
    response: identitySchema,
  }),
  recovery: endpoint({
    method: "POST",
    path: "/api/auth/identities/{id}/recovery",
    summary: "Create a recovery code or link, with its expiry",
    tag: "Users",
    auth: "admin",
    params: idParamsSchema,
    body: recoveryBodySchema,
    response: recoverySchema,
    status: 201,
  }),
  promote: endpoint({
    method: "POST",
    path: "/api/auth/identities/{id}/admin",
    summary: "Make the user a dashboard admin (needs a recent sign-in)",
    tag: "Users",
    auth: "admin",
    params: idParamsSchema,
    response: identitySchema,
    recentAuth: true,
    errors: ["reauth_required"],
  }),
  demote: endpoint({
    method: "DELETE",
    path: "/api/auth/identities/{id}/admin",
    summary: "Remove the admin role (never the last admin; needs a recent sign-in)",
    tag: "Users",
    auth: "admin",
    params: idParamsSchema,
    response: identitySchema,
    recentAuth: true,
    errors: ["conflict", "reauth_required"],
  }),
  verifyAddress: endpoint({
    method: "POST",
    path: "/api/auth/identities/{id}/verify-address",
    summary: "Mark an email address as verified",
    tag: "Users",
    auth: "admin",
    params: idParamsSchema,
    body: verifyAddressBodySchema,
    response: identitySchema,
  }),
  unlinkProvider: endpoint({
    method: "DELETE",
    path: "/api/auth/identities/{id}/providers/{provider}",
    summary: "Unlink a social login (never the last way to sign in)",
    tag: "Users",
    auth: "admin",
    params: unlinkParamsSchema,
    errors: ["conflict"],
  }),
  bulk: endpoint({
    method: "POST",
    path: "/api/auth/identities/bulk",
    summary:
      "Activate, deactivate, revoke sessions of or delete up to 500 users (per-item results and audit entries; deleting needs a recent sign-in)",
    tag: "Users",
    auth: "admin",
    body: bulkBodySchema,
    response: bulkResultSchema,
    maxBody: IMPORT_LIMIT,
    recentAuth: (b) => b.action === "delete",
    errors: ["reauth_required"],
  }),
};

export const v1IdentityEndpoints = shared("/v1/auth", "service_role", "Client API");
