import { createRecovery } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";
import { recoveryBodySchema } from "@/lib/schemas/identity";

// POST /api/auth/identities/:id/recovery: a Kratos recovery code or link, with its expiry
export const POST = route({ auth: "admin", params: idParamsSchema, body: recoveryBodySchema }, createRecovery);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
