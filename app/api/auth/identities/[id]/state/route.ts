import { setState } from "@/lib/server/handlers/identities";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// PATCH /api/auth/identities/[id]/state
export const PATCH = route(e.identities.state, setState);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, POST, PUT, DELETE } = methodNotAllowed(["PATCH"]);
