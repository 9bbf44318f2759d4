import { revokeSession } from "@/lib/server/handlers/sessions";
import { route } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// DELETE /api/auth/sessions/:id: revoke one session
export const DELETE = route({ auth: "admin", params: idParamsSchema }, revokeSession);
