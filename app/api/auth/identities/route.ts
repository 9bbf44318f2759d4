import { createIdentity, listIdentities } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { createIdentityBodySchema, listIdentitiesQuerySchema } from "@/lib/schemas/identity";

// GET /api/auth/identities: one page of users (page_size, page_token, search, state, provider)
export const GET = route({ auth: "admin", query: listIdentitiesQuerySchema }, listIdentities);

// POST /api/auth/identities: create a user
export const POST = route({ auth: "admin", body: createIdentityBodySchema }, createIdentity);

// Any other verb: 405 in the JSON envelope, with Allow
export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
