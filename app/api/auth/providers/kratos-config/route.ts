import { kratosConfigHandler } from "@/lib/server/handlers/providers";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /api/auth/providers/kratos-config
export const GET = route(e.providers.kratosConfig, kratosConfigHandler);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
