import { extendSession } from "@/lib/server/handlers/sessions";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// PATCH /api/auth/sessions/[id]/extend
export const PATCH = route(e.sessions.extend, extendSession);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, POST, PUT, DELETE } = methodNotAllowed(["PATCH"]);
