import { login, startLogin } from "@/lib/server/handlers/auth";
import { route, methodNotAllowed } from "@/lib/server/route";
import { loginBodySchema } from "@/lib/schemas/auth";

// GET /api/auth/login: start a Kratos API login flow (id and expiry only)
export const GET = route({ auth: "public" }, startLogin);

// POST /api/auth/login: email + password → truss_session cookie (admins only)
export const POST = route({ auth: "public", body: loginBodySchema }, login);

// Any other verb: 405 in the JSON envelope, with Allow
export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
