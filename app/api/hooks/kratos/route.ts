import { kratosHook } from "@/lib/server/handlers/hooks";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// POST /api/hooks/kratos (Kratos's web_hook actions; X-Truss-Hook-Secret)
export const POST = route(e.hooks.kratos, kratosHook);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
