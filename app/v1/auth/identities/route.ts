import { createIdentity, listIdentities } from "@/lib/server/handlers/identities";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /v1/auth/identities
export const GET = route(e.v1.list, listIdentities);

// POST /v1/auth/identities
export const POST = route(e.v1.create, createIdentity);

// Any other verb: 405 in the JSON envelope, with Allow
export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
