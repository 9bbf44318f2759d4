import { listSessions } from "@/lib/server/handlers/sessions";
import { route, methodNotAllowed } from "@/lib/server/route";
import { listSessionsQuerySchema } from "@/lib/schemas/session";

// GET /api/auth/sessions: active sessions across all users (or one user's with identity_id)
export const GET = route({ auth: "admin", query: listSessionsQuerySchema }, listSessions);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
