import { getStats } from "@/lib/server/stats";
import { json, route, methodNotAllowed } from "@/lib/server/route";

// GET /api/stats: overview figures (users, sessions, daily series, providers, Kratos health), cached server-side
export const GET = route({ auth: "admin" }, async () => json(await getStats()));

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
