import "server-only";
import { endpoint } from "@/lib/server/http/endpoint";
import { apiKeyListSchema, apiKeySchema, createApiKeyBodySchema, createdApiKeySchema } from "@/lib/schemas/api-key";
import { auditPageSchema, listAuditQuerySchema } from "@/lib/schemas/audit";
import { courierMessagePageSchema, courierMessageSchema, listCourierMessagesQuerySchema } from "@/lib/schemas/courier";
import { healthSchema } from "@/lib/schemas/auth";
import { idParamsSchema } from "@/lib/schemas/common";
import { openApiDocSchema } from "@/lib/schemas/openapi-doc";
import {
  kratosConfigSchema,
  providerCheckSchema,
  providerListSchema,
  providerParamsSchema,
} from "@/lib/schemas/provider";
import { statsSchema } from "@/lib/schemas/stats";
import { kratosHookBodySchema } from "@/lib/schemas/hook";

export const hookEndpoints = {
  kratos: endpoint({
    method: "POST",
    path: "/api/hooks/kratos",
    summary:
      "Kratos web hook (registration, login, settings, recovery, verification): updates the identity index; header X-Truss-Hook-Secret",
    tag: "Hooks",
    auth: "hook",
    body: kratosHookBodySchema,
    maxBody: 16 * 1024,
  }),
};

export const keyEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/keys",
    summary: "Every API key (revoked ones included), never secrets",
    tag: "API keys",
    auth: "admin",
    response: apiKeyListSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/api/keys",
    summary: "Create an API key; the secret is returned once (needs a recent sign-in)",
    tag: "API keys",
    auth: "admin",
    body: createApiKeyBodySchema,
    response: createdApiKeySchema,
    status: 201,
    recentAuth: true,
    errors: ["reauth_required"],
  }),
  revoke: endpoint({
    method: "DELETE",
    path: "/api/keys/{id}",
    summary: "Revoke an API key (it stays listed, as revoked)",
    tag: "API keys",
    auth: "admin",
    params: idParamsSchema,
    response: apiKeySchema,
  }),
};

export const providerEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/auth/providers",
    summary: "Configured social providers: status, callback URL, linked-user count",
    tag: "Providers",
    auth: "admin",
    response: providerListSchema,
  }),
  kratosConfig: endpoint({
    method: "GET",
    path: "/api/auth/providers/kratos-config",
    summary: "The selfservice.methods.oidc block for real Kratos (no secrets)",
    tag: "Providers",
    auth: "admin",
    response: kratosConfigSchema,
  }),
  check: endpoint({
    method: "POST",
    path: "/api/auth/providers/{id}/check",
    summary:
      "Check a provider: discovery, issuer and whether it accepts Kratos's callback URL (custom OIDC), or the settings' shape (built-ins); bounded by KRATOS_TIMEOUT_MS",
    tag: "Providers",
    auth: "admin",
    params: providerParamsSchema,
    response: providerCheckSchema,
  }),
  checkGet: endpoint({
    method: "GET",
    path: "/api/auth/providers/{id}/check",
    summary: "The same check, for scripts (curl) and links: it changes nothing",
    tag: "Providers",
    auth: "admin",
    params: providerParamsSchema,
    response: providerCheckSchema,
  }),
};

export const platformEndpoints = {
  audit: endpoint({
    method: "GET",
    path: "/api/audit",
    summary:
      "Audit log, newest first (filters: actor, action, target; parent: the per-item entries of one bulk action or import, whose own entry has outcome success, partial or failure)",
    tag: "Audit",
    auth: "admin",
    query: listAuditQuerySchema,
    response: auditPageSchema,
  }),
  stats: endpoint({
    method: "GET",
    path: "/api/stats",
    summary: "Overview figures: users, sessions, daily series, providers, Kratos health",
    tag: "Overview",
    auth: "admin",
    response: statsSchema,
  }),
  health: endpoint({
    method: "GET",
    path: "/api/health",
    summary: "The app and both Kratos endpoints (no auth, no secrets; 503 when degraded)",
    tag: "Overview",
    auth: "public",
    response: healthSchema,
  }),
  openapi: endpoint({
    method: "GET",
    path: "/v1/openapi.json",
    summary: "This OpenAPI document (no auth)",
    tag: "Client API",
    auth: "public",
    response: openApiDocSchema,
  }),
};

export const courierEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/auth/courier/messages",
    summary: "What Kratos's courier sent or queued, newest first (status, recipient filters)",
    tag: "Messages",
    auth: "admin",
    query: listCourierMessagesQuerySchema,
    response: courierMessagePageSchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/api/auth/courier/messages/{id}",
    summary: "One courier message, with its body",
    tag: "Messages",
    auth: "admin",
    params: idParamsSchema,
    response: courierMessageSchema,
  }),
};
