import { revokeKey } from "@/lib/server/handlers/keys";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// DELETE /api/keys/[id]
export const DELETE = route(e.keys.revoke, revokeKey);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, POST, PUT, PATCH } = methodNotAllowed(["DELETE"]);
