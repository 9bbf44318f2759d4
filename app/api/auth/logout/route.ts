import { logout } from "@/lib/server/handlers/auth";
import { route, methodNotAllowed } from "@/lib/server/route";

// POST /api/auth/logout: revoke the Kratos session and clear the cookie
export const POST = route({ auth: "public", csrf: true }, logout);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
