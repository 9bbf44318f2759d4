import "server-only";
import { z } from "zod";
import { apiKeyListSchema, apiKeySchema, createApiKeyBodySchema, createdApiKeySchema } from "@/lib/schemas/api-key";
import { auditPageSchema, listAuditQuerySchema } from "@/lib/schemas/audit";
import { loginBodySchema, loginFlowSchema, sessionInfoSchema } from "@/lib/schemas/auth";
import { idParamsSchema } from "@/lib/schemas/common";
import { errorBodySchema } from "@/lib/schemas/error";
import {
  bulkBodySchema,
  bulkResultSchema,
  createIdentityBodySchema,
  identityPageSchema,
  identitySchema,
  listIdentitiesQuerySchema,
  recoveryBodySchema,
  recoverySchema,
  resetPasswordBodySchema,
  setStateBodySchema,
  updateIdentityBodySchema,
  verifyAddressBodySchema,
} from "@/lib/schemas/identity";
import { importBodySchema, importQuerySchema, importResponseSchema } from "@/lib/schemas/import";
import { listSessionsQuerySchema, sessionPageSchema, sessionSchema } from "@/lib/schemas/session";

type Auth = "cookie" | "apikey" | "none";
interface Op {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  auth: Auth;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  ok: number;
  response?: z.ZodType;
}

const identityOps = (base: string, auth: Auth, tag: string): Op[] => [
  { method: "get", path: `${base}/identities`, summary: "List users (cursor pagination, email-prefix search, state filter)", tag, auth, query: listIdentitiesQuerySchema, ok: 200, response: identityPageSchema },
  { method: "post", path: `${base}/identities`, summary: "Create a user", tag, auth, body: createIdentityBodySchema, ok: 201, response: identitySchema },
  { method: "get", path: `${base}/identities/{id}`, summary: "Get a user", tag, auth, params: idParamsSchema, ok: 200, response: identitySchema },
  { method: "delete", path: `${base}/identities/{id}`, summary: "Delete a user", tag, auth, params: idParamsSchema, ok: 204 },
  { method: "patch", path: `${base}/identities/{id}/state`, summary: "Activate or deactivate (deactivating revokes sessions)", tag, auth, params: idParamsSchema, body: setStateBodySchema, ok: 200, response: identitySchema },
  { method: "post", path: `${base}/identities/{id}/reset-password`, summary: "Set a new password", tag, auth, params: idParamsSchema, body: resetPasswordBodySchema, ok: 200, response: z.object({ identity: identitySchema, sessions_revoked: z.boolean() }) },
  { method: "get", path: `${base}/identities/{id}/sessions`, summary: "A user's active sessions", tag, auth, params: idParamsSchema, ok: 200, response: sessionPageSchema },
  { method: "delete", path: `${base}/identities/{id}/sessions`, summary: "Revoke all of a user's sessions (force logout)", tag, auth, params: idParamsSchema, ok: 204 },
  { method: "post", path: `${base}/users/import`, summary: "Import up to 500 users (per-row results; ?dry_run=true validates only)", tag, auth, query: importQuerySchema, body: importBodySchema, ok: 200, response: importResponseSchema },
];

/** Every documented operation. A test checks each /v1 route handler appears here. */
export const operations: Op[] = [
  ...identityOps("/v1/auth", "apikey", "Client API"),
  ...identityOps("/api/auth", "cookie", "Users"),
  { method: "patch", path: "/api/auth/identities/{id}", summary: "Edit email, name, traits or public metadata", tag: "Users", auth: "cookie", params: idParamsSchema, body: updateIdentityBodySchema, ok: 200, response: identitySchema },
  { method: "post", path: "/api/auth/identities/{id}/recovery", summary: "Create a recovery code or link", tag: "Users", auth: "cookie", params: idParamsSchema, body: recoveryBodySchema, ok: 201, response: recoverySchema },
  { method: "post", path: "/api/auth/identities/{id}/admin", summary: "Make the user a dashboard admin", tag: "Users", auth: "cookie", params: idParamsSchema, ok: 200, response: identitySchema },
  { method: "delete", path: "/api/auth/identities/{id}/admin", summary: "Remove the admin role (never the last admin)", tag: "Users", auth: "cookie", params: idParamsSchema, ok: 200, response: identitySchema },
  { method: "post", path: "/api/auth/identities/bulk", summary: "Bulk activate / deactivate / revoke_sessions / delete", tag: "Users", auth: "cookie", body: bulkBodySchema, ok: 200, response: bulkResultSchema },
  { method: "get", path: "/api/auth/sessions", summary: "Active sessions across all users", tag: "Sessions", auth: "cookie", query: listSessionsQuerySchema, ok: 200, response: sessionPageSchema },
  { method: "delete", path: "/api/auth/sessions/{id}", summary: "Revoke one session", tag: "Sessions", auth: "cookie", params: idParamsSchema, ok: 204 },
  { method: "patch", path: "/api/auth/sessions/{id}/extend", summary: "Extend a session by the Kratos session lifespan", tag: "Sessions", auth: "cookie", params: idParamsSchema, ok: 200, response: sessionSchema },
  { method: "post", path: "/api/auth/identities/{id}/verify-address", summary: "Mark an email address as verified", tag: "Users", auth: "cookie", params: idParamsSchema, body: verifyAddressBodySchema, ok: 200, response: identitySchema },
  { method: "get", path: "/api/auth/login", summary: "Start a Kratos API login flow", tag: "Auth", auth: "none", ok: 200, response: loginFlowSchema },
  { method: "post", path: "/api/auth/login", summary: "Sign in (sets the truss_session cookie)", tag: "Auth", auth: "none", body: loginBodySchema, ok: 200, response: identitySchema },
  { method: "post", path: "/api/auth/logout", summary: "Sign out (revokes the Kratos session)", tag: "Auth", auth: "none", ok: 204 },
  { method: "get", path: "/api/auth/session", summary: "The signed-in admin", tag: "Auth", auth: "cookie", ok: 200, response: sessionInfoSchema },
  { method: "get", path: "/api/keys", summary: "List API keys (revoked ones included)", tag: "API keys", auth: "cookie", ok: 200, response: apiKeyListSchema },
  { method: "post", path: "/api/keys", summary: "Create an API key (the secret is returned once)", tag: "API keys", auth: "cookie", body: createApiKeyBodySchema, ok: 201, response: createdApiKeySchema },
  { method: "delete", path: "/api/keys/{id}", summary: "Revoke an API key", tag: "API keys", auth: "cookie", params: idParamsSchema, ok: 200, response: apiKeySchema },
  { method: "get", path: "/api/audit", summary: "Audit log, newest first", tag: "Audit", auth: "cookie", query: listAuditQuerySchema, ok: 200, response: auditPageSchema },
];

const toSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
const errorRef = { $ref: "#/components/schemas/Error" };
const security: Record<Auth, unknown[]> = { cookie: [{ cookie: [] }], apikey: [{ apikey: [] }], none: [] };

function parameters(op: Op) {
  const out: unknown[] = [];
  for (const [where, obj] of [["path", op.params], ["query", op.query]] as const) {
    if (!obj) continue;
    const js = toSchema(obj) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(js.properties ?? {}))
      out.push({ name, in: where, required: where === "path" || (js.required ?? []).includes(name), schema });
  }
  return out;
}

function operation(op: Op) {
  const errors = Object.fromEntries(
    (op.auth === "none" ? ["400", "429", "503"] : ["400", "401", "403", "404", "409", "429", "503"]).map((c) => [c, { description: "Error", content: { "application/json": { schema: errorRef } } }]),
  );
  return {
    summary: op.summary,
    tags: [op.tag],
    operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    security: security[op.auth],
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(op.body) } } } } : {}),
    responses: {
      [String(op.ok)]: op.response
        ? { description: "Success", content: { "application/json": { schema: toSchema(op.response) } } }
        : { description: "Success, no content" },
      ...errors,
    },
  };
}

/** The OpenAPI 3.1 document, built from the same zod schemas the handlers validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: { title: "Truss Auth API", version: "1.0.0", description: "Dashboard API (/api, cookie truss_session) and client API (/v1, apikey header)." },
    servers: [{ url: "/" }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: toSchema(errorBodySchema) },
      securitySchemes: {
        apikey: { type: "apiKey", in: "header", name: "apikey", description: "truss_sk_… service_role key (x-api-key and Authorization: Bearer also accepted)" },
        cookie: { type: "apiKey", in: "cookie", name: "truss_session" },
      },
    },
  };
}
