import { IMPORT_LIMIT } from "@/lib/server/body";
import { importHandler } from "@/lib/server/handlers/bulk";
import { route, methodNotAllowed } from "@/lib/server/route";
import { importBodySchema, importQuerySchema } from "@/lib/schemas/import";

// POST /api/auth/users/import: import up to 500 users (?dry_run=true validates only)
export const POST = route({ auth: "admin", query: importQuerySchema, body: importBodySchema, maxBody: IMPORT_LIMIT }, importHandler);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
