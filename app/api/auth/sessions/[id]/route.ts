import { revokeSession } from "@/lib/server/handlers/sessions";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// DELETE /api/auth/sessions/[id]
export const DELETE = route(e.sessions.revoke, revokeSession);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, POST, PUT, PATCH } = methodNotAllowed(["DELETE"]);
