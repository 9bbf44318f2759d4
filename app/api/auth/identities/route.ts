import { createIdentity, listIdentities } from "@/lib/server/handlers/identities";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /api/auth/identities
export const GET = route(e.identities.list, listIdentities);

// POST /api/auth/identities
export const POST = route(e.identities.create, createIdentity);

// Any other verb: 405 in the JSON envelope, with Allow
export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
