import { createKey, listKeys } from "@/lib/server/handlers/keys";
import { route } from "@/lib/server/route";
import { createApiKeyBodySchema } from "@/lib/schemas/api-key";

// GET /api/keys: every API key (revoked ones included), never secrets
export const GET = route({ auth: "admin" }, listKeys);

// POST /api/keys: create a key; the secret is returned once
export const POST = route({ auth: "admin", body: createApiKeyBodySchema, recentAuth: true }, createKey);
