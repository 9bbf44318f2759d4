import { deleteIdentity, getIdentity, updateIdentity } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";
import { updateIdentityBodySchema } from "@/lib/schemas/identity";

// GET /api/auth/identities/:id: one user, with credential types and linked providers
export const GET = route({ auth: "admin", params: idParamsSchema }, getIdentity);

// PATCH /api/auth/identities/:id: edit email, name, traits or public metadata
export const PATCH = route({ auth: "admin", params: idParamsSchema, body: updateIdentityBodySchema }, updateIdentity);

// DELETE /api/auth/identities/:id: delete the user
export const DELETE = route({ auth: "admin", params: idParamsSchema, recentAuth: true }, deleteIdentity);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT } = methodNotAllowed(["GET", "PATCH", "DELETE"]);
