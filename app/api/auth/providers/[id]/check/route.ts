import { checkProviderHandler } from "@/lib/server/handlers/providers";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// POST /api/auth/providers/[id]/check
export const POST = route(e.providers.check, checkProviderHandler);

// GET /api/auth/providers/[id]/check
export const GET = route(e.providers.checkGet, checkProviderHandler);

// Any other verb: 405 in the JSON envelope, with Allow
export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
