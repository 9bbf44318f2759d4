import { currentSession } from "@/lib/server/handlers/auth";
import { route } from "@/lib/server/route";

// GET /api/auth/session: the signed-in admin
export const GET = route({ auth: "admin" }, currentSession);
