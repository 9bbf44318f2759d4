import { deleteIdentity, getIdentity } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// GET /v1/auth/identities/:id: one user (service_role key)
export const GET = route({ auth: "service_role", params: idParamsSchema }, getIdentity);

// DELETE /v1/auth/identities/:id: delete the user (service_role key)
export const DELETE = route({ auth: "service_role", params: idParamsSchema }, deleteIdentity);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH } = methodNotAllowed(["GET", "DELETE"]);
