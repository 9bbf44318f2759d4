import { reauthenticate } from "@/lib/server/handlers/auth";
import { route, methodNotAllowed } from "@/lib/server/route";
import { reauthBodySchema } from "@/lib/schemas/auth";

// POST /api/auth/reauth: confirm the password; sensitive actions work for TRUSS_REAUTH_MINUTES after
export const POST = route({ auth: "admin", body: reauthBodySchema }, reauthenticate);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
