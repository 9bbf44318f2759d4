import { listAudit } from "@/lib/server/audit";
import { json, route, methodNotAllowed } from "@/lib/server/route";
import { listAuditQuerySchema } from "@/lib/schemas/audit";

// GET /api/audit: audit log, newest first (filters: actor, action, target)
export const GET = route({ auth: "admin", query: listAuditQuerySchema }, async ({ query }) => json(await listAudit(query)));

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
