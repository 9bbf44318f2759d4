import { login, startLogin } from "@/lib/server/handlers/login";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /api/auth/login
export const GET = route(e.auth.startLogin, startLogin);

// POST /api/auth/login
export const POST = route(e.auth.login, login);

// Any other verb: 405 in the JSON envelope, with Allow
export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
