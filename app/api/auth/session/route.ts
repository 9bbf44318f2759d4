import { currentSession } from "@/lib/server/handlers/session";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /api/auth/session
export const GET = route(e.auth.session, currentSession);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
