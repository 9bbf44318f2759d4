import { createIdentity, listIdentities } from "@/lib/server/handlers/identities";
import { route } from "@/lib/server/route";
import { createIdentityBodySchema, listIdentitiesQuerySchema } from "@/lib/schemas/identity";

// GET /v1/auth/identities: one page of users (service_role key)
export const GET = route({ auth: "service_role", query: listIdentitiesQuerySchema }, listIdentities);

// POST /v1/auth/identities: create a user (service_role key)
export const POST = route({ auth: "service_role", body: createIdentityBodySchema }, createIdentity);
