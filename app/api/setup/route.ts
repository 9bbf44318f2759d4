import { setup } from "@/lib/server/handlers/auth";
import { route, methodNotAllowed } from "@/lib/server/route";
import { setupBodySchema } from "@/lib/schemas/auth";

// POST /api/setup: create the first admin with the single-use setup token
export const POST = route({ auth: "public", body: setupBodySchema }, setup);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
