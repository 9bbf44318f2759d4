import { importUsersHandler } from "@/lib/server/handlers/users-import";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// POST /api/auth/users/import
export const POST = route(e.identities.import, importUsersHandler);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
