import { startOidcLogin } from "@/lib/server/handlers/login-oidc";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// POST /api/auth/login/oidc
export const POST = route(e.auth.oidcStart, startOidcLogin);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
