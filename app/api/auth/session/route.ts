import { currentSession } from "@/lib/server/handlers/auth";
import { route, methodNotAllowed } from "@/lib/server/route";

// GET /api/auth/session: the signed-in admin
export const GET = route({ auth: "admin" }, currentSession);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
