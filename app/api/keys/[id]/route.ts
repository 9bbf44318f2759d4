import { revokeKey } from "@/lib/server/handlers/keys";
import { route } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// DELETE /api/keys/:id: revoke a key (it stays listed, as revoked)
export const DELETE = route({ auth: "admin", params: idParamsSchema }, revokeKey);
