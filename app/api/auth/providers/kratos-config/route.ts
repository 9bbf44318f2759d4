import { kratosConfig } from "@/lib/server/providers";
import { json, route } from "@/lib/server/route";

// GET /api/auth/providers/kratos-config: the selfservice.methods.oidc block for real Kratos (no secrets)
export const GET = route({ auth: "admin" }, async () => json(await kratosConfig()));
