import { listIdentitySessions, revokeIdentitySessions } from "@/lib/server/handlers/identities";
import { route } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// GET /v1/auth/identities/:id/sessions: the user's active sessions (service_role key)
export const GET = route({ auth: "service_role", params: idParamsSchema }, listIdentitySessions);

// DELETE /v1/auth/identities/:id/sessions: force logout (service_role key)
export const DELETE = route({ auth: "service_role", params: idParamsSchema }, revokeIdentitySessions);
