import { logout } from "@/lib/server/handlers/logout";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// POST /api/auth/logout
export const POST = route(e.auth.logout, logout);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
