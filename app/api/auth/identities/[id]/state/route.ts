import { setState } from "@/lib/server/handlers/identities";
import { route } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";
import { setStateBodySchema } from "@/lib/schemas/identity";

// PATCH /api/auth/identities/:id/state: activate or deactivate (deactivating revokes all sessions)
export const PATCH = route({ auth: "admin", params: idParamsSchema, body: setStateBodySchema }, setState);
