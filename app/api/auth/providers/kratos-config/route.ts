import { kratosConfig } from "@/lib/server/providers";
import { json, route, methodNotAllowed } from "@/lib/server/route";

// GET /api/auth/providers/kratos-config: the selfservice.methods.oidc block for real Kratos (no secrets)
export const GET = route({ auth: "admin" }, async () => json(await kratosConfig()));

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
