import { demoteAdmin, promoteAdmin } from "@/lib/server/handlers/identity-admin";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// POST /api/auth/identities/[id]/admin
export const POST = route(e.identities.promote, promoteAdmin);

// DELETE /api/auth/identities/[id]/admin
export const DELETE = route(e.identities.demote, demoteAdmin);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH } = methodNotAllowed(["POST", "DELETE"]);
