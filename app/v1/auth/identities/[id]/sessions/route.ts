import { listIdentitySessions, revokeIdentitySessions } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// GET /v1/auth/identities/:id/sessions: the user's active sessions (service_role key)
export const GET = route({ auth: "service_role", params: idParamsSchema }, listIdentitySessions);

// DELETE /v1/auth/identities/:id/sessions: force logout (service_role key)
export const DELETE = route({ auth: "service_role", params: idParamsSchema }, revokeIdentitySessions);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH } = methodNotAllowed(["GET", "DELETE"]);
