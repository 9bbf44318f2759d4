import { demoteAdmin, promoteAdmin } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// POST /api/auth/identities/:id/admin: make the user a dashboard admin
export const POST = route({ auth: "admin", params: idParamsSchema, recentAuth: true }, promoteAdmin);

// DELETE /api/auth/identities/:id/admin: remove the admin role (never the last admin)
export const DELETE = route({ auth: "admin", params: idParamsSchema, recentAuth: true }, demoteAdmin);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH } = methodNotAllowed(["POST", "DELETE"]);
