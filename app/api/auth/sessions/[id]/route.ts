import { revokeSession } from "@/lib/server/handlers/sessions";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// DELETE /api/auth/sessions/:id: revoke one session
export const DELETE = route({ auth: "admin", params: idParamsSchema }, revokeSession);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, POST, PUT, PATCH } = methodNotAllowed(["DELETE"]);
