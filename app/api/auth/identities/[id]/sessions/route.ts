import { listIdentitySessions, revokeIdentitySessions } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// GET /api/auth/identities/:id/sessions: the user's active sessions
export const GET = route({ auth: "admin", params: idParamsSchema }, listIdentitySessions);

// DELETE /api/auth/identities/:id/sessions: revoke them all (force logout)
export const DELETE = route({ auth: "admin", params: idParamsSchema }, revokeIdentitySessions);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH } = methodNotAllowed(["GET", "DELETE"]);
