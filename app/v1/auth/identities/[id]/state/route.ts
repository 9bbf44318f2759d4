import { setState } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";
import { setStateBodySchema } from "@/lib/schemas/identity";

// PATCH /v1/auth/identities/:id/state: activate or deactivate (service_role key)
export const PATCH = route({ auth: "service_role", params: idParamsSchema, body: setStateBodySchema }, setState);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, POST, PUT, DELETE } = methodNotAllowed(["PATCH"]);
