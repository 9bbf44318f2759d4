import { logout } from "@/lib/server/handlers/auth";
import { route } from "@/lib/server/route";

// POST /api/auth/logout: revoke the Kratos session and clear the cookie
export const POST = route({ auth: "public", csrf: true }, logout);
