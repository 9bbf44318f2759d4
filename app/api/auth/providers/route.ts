import { listProviders } from "@/lib/server/providers";
import { json, route } from "@/lib/server/route";

// GET /api/auth/providers: configured social providers, status, callback URL, linked-user count
export const GET = route({ auth: "admin" }, async () => json(await listProviders()));
