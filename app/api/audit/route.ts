import { listAuditEntries } from "@/lib/server/handlers/audit";
import { endpoints as e } from "@/lib/server/endpoints";
import { methodNotAllowed, route } from "@/lib/server/http/route";

// GET /api/audit
export const GET = route(e.platform.audit, listAuditEntries);

// Any other verb: 405 in the JSON envelope, with Allow
export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
