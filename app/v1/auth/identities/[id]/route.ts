import { deleteIdentity, getIdentity } from "@/lib/server/handlers/identities";
import { route } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// GET /v1/auth/identities/:id: one user (service_role key)
export const GET = route({ auth: "service_role", params: idParamsSchema }, getIdentity);

// DELETE /v1/auth/identities/:id: delete the user (service_role key)
export const DELETE = route({ auth: "service_role", params: idParamsSchema }, deleteIdentity);
