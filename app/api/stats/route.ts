import { getStatsHandler } from "@/lib/server/handlers/overview";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /api/stats
export const GET = route(e.platform.stats, getStatsHandler);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
