import { createIdentity, listIdentities } from "@/lib/server/handlers/identities";
import { route, methodNotAllowed } from "@/lib/server/route";
import { createIdentityBodySchema, listIdentitiesQuerySchema } from "@/lib/schemas/identity";

// GET /v1/auth/identities: one page of users (service_role key)
export const GET = route({ auth: "service_role", query: listIdentitiesQuerySchema }, listIdentities);

// POST /v1/auth/identities: create a user (service_role key)
export const POST = route({ auth: "service_role", body: createIdentityBodySchema }, createIdentity);

// Any other verb: 405 in the JSON envelope, with Allow
export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
