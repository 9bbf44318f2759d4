import { env } from "@/lib/server/env";
import { kratosHealth } from "@/lib/server/kratos";
import { kratosUrls } from "@/lib/server/kratos-runtime";
import { json, route, methodNotAllowed } from "@/lib/server/route";

// GET /api/health: the app and both Kratos endpoints (no auth, no secrets)
export const GET = route({ auth: "public" }, async () => {
  const { embedded } = await kratosUrls();
  const k = await kratosHealth();
  const ok = k.public && k.admin;
  return json(
    {
      status: ok ? "ok" : "degraded",
      auth_required: env().TRUSS_AUTH_REQUIRED,
      kratos: { mode: embedded ? "embedded" : "external", public: k.public ? "up" : "down", admin: k.admin ? "up" : "down", version: k.version },
    },
    { status: ok ? 200 : 503 },
  );
});

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
