import { listSessions } from "@/lib/server/handlers/sessions";
import { route } from "@/lib/server/route";
import { listSessionsQuerySchema } from "@/lib/schemas/session";

// GET /api/auth/sessions: active sessions across all users (or one user's with identity_id)
export const GET = route({ auth: "admin", query: listSessionsQuerySchema }, listSessions);
