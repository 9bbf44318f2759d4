import { unlinkIdentityProvider } from "@/lib/server/handlers/identity-providers";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// DELETE /api/auth/identities/[id]/providers/[provider]
export const DELETE = route(e.identities.unlinkProvider, unlinkIdentityProvider);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, POST, PUT, PATCH } = methodNotAllowed(["DELETE"]);
