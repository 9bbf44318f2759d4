import { createRecovery } from "@/lib/server/handlers/identities";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// POST /api/auth/identities/[id]/recovery
export const POST = route(e.identities.recovery, createRecovery);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
