import { IMPORT_LIMIT } from "@/lib/server/body";
import { bulk } from "@/lib/server/handlers/bulk";
import { route, methodNotAllowed } from "@/lib/server/route";
import { bulkBodySchema } from "@/lib/schemas/identity";

// POST /api/auth/identities/bulk: activate / deactivate / revoke_sessions / delete up to 500 users
export const POST = route({ auth: "admin", body: bulkBodySchema, maxBody: IMPORT_LIMIT, recentAuth: (b) => b.action === "delete" }, bulk);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
