import { getStats } from "@/lib/server/stats";
import { json, route } from "@/lib/server/route";

// GET /api/stats: overview figures (users, sessions, daily series, providers, Kratos health), cached server-side
export const GET = route({ auth: "admin" }, async () => json(await getStats()));
