import { createKey, listKeys } from "@/lib/server/handlers/keys";
import { route, methodNotAllowed } from "@/lib/server/route";
import { createApiKeyBodySchema } from "@/lib/schemas/api-key";

// GET /api/keys: every API key (revoked ones included), never secrets
export const GET = route({ auth: "admin" }, listKeys);

// POST /api/keys: create a key; the secret is returned once
export const POST = route({ auth: "admin", body: createApiKeyBodySchema, recentAuth: true }, createKey);

// Any other verb: 405 in the JSON envelope, with Allow
export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
