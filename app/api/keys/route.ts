import { createKey, listKeys } from "@/lib/server/handlers/keys";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /api/keys
export const GET = route(e.keys.list, listKeys);

// POST /api/keys
export const POST = route(e.keys.create, createKey);

// Any other verb: 405 in the JSON envelope, with Allow
export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
