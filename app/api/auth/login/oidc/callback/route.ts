import { finishOidcLogin } from "@/lib/server/handlers/login-oidc";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /api/auth/login/oidc/callback
export const GET = route(e.auth.oidcCallback, finishOidcLogin);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
