import { deleteIdentity, getIdentity, updateIdentity } from "@/lib/server/handlers/identities";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /api/auth/identities/[id]
export const GET = route(e.identities.get, getIdentity);

// PATCH /api/auth/identities/[id]
export const PATCH = route(e.identities.update, updateIdentity);

// DELETE /api/auth/identities/[id]
export const DELETE = route(e.identities.remove, deleteIdentity);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT } = methodNotAllowed(["GET", "PATCH", "DELETE"]);
