import { reauthenticate } from "@/lib/server/handlers/reauth";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// POST /api/auth/reauth
export const POST = route(e.auth.reauth, reauthenticate);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
