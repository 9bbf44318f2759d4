import { extendSession } from "@/lib/server/handlers/sessions";
import { route } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// PATCH /api/auth/sessions/:id/extend: extend a session by Kratos's session lifespan
export const PATCH = route({ auth: "admin", params: idParamsSchema }, extendSession);
