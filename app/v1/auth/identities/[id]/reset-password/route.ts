import { resetPassword } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";
import { resetPasswordBodySchema } from "@/lib/schemas/identity";

// POST /v1/auth/identities/:id/reset-password: set a new password (service_role key)
export const POST = route({ auth: "service_role", params: idParamsSchema, body: resetPasswordBodySchema }, resetPassword);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
