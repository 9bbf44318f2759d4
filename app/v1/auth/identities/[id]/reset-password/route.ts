import { resetPassword } from "@/lib/server/handlers/identities";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// POST /v1/auth/identities/[id]/reset-password
export const POST = route(e.v1.resetPassword, resetPassword);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
