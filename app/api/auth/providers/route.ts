import { listProviders } from "@/lib/server/providers";
import { json, route, methodNotAllowed } from "@/lib/server/route";

// GET /api/auth/providers: configured social providers, status, callback URL, linked-user count
export const GET = route({ auth: "admin" }, async () => json(await listProviders()));

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
