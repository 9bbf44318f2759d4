import "server-only";
import { env } from "@/lib/server/env";
import { json } from "@/lib/server/http/route";
import { kratosHealth } from "@/lib/server/kratos";
import { kratosUrls } from "@/lib/server/kratos-runtime";
import { openApiDocument } from "@/lib/server/openapi";
import { getStats } from "@/lib/server/services/stats";
import type { Health } from "@/lib/schemas/auth";

// GET /api/stats
export const getStatsHandler = async () => json(await getStats());

// GET /api/health
export const health = async () => {
  const { embedded } = await kratosUrls();
  const k = await kratosHealth();
  const ok = k.public && k.admin;
  const body: Health = {
    status: ok ? "ok" : "degraded",
    auth_required: env().TRUSS_AUTH_REQUIRED,
    kratos: {
      mode: embedded ? "embedded" : "external",
      public: k.public ? "up" : "down",
      admin: k.admin ? "up" : "down",
      version: k.version,
    },
  };
  return json(body, { status: ok ? 200 : 503 });
};

// GET /v1/openapi.json
export const openApi = async () => json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
