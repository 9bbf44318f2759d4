import { setState } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";
import { setStateBodySchema } from "@/lib/schemas/identity";

// PATCH /api/auth/identities/:id/state: activate or deactivate (deactivating revokes all sessions)
export const PATCH = route({ auth: "admin", params: idParamsSchema, body: setStateBodySchema }, setState);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, POST, PUT, DELETE } = methodNotAllowed(["PATCH"]);
