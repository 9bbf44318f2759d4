import { listSchemasHandler } from "@/lib/server/handlers/schemas";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /api/auth/schemas
export const GET = route(e.schemas.list, listSchemasHandler);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
