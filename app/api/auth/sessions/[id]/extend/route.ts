import { extendSession } from "@/lib/server/handlers/sessions";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// PATCH /api/auth/sessions/:id/extend: extend a session by Kratos's session lifespan
export const PATCH = route({ auth: "admin", params: idParamsSchema }, extendSession);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, POST, PUT, DELETE } = methodNotAllowed(["PATCH"]);
