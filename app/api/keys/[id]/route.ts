import { revokeKey } from "@/lib/server/handlers/keys";
import { route, methodNotAllowed } from "@/lib/server/route";
import { idParamsSchema } from "@/lib/schemas/common";

// DELETE /api/keys/:id: revoke a key (it stays listed, as revoked)
export const DELETE = route({ auth: "admin", params: idParamsSchema }, revokeKey);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, POST, PUT, PATCH } = methodNotAllowed(["DELETE"]);
