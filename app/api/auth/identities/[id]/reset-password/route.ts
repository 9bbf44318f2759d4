import { resetPassword } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";
import { resetPasswordBodySchema } from "@/lib/schemas/identity";

// POST /api/auth/identities/:id/reset-password: set a new password (revokes sessions unless told not to)
export const POST = route({ auth: "admin", params: idParamsSchema, body: resetPasswordBodySchema, recentAuth: true }, resetPassword);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
