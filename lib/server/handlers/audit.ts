import "server-only";
import { json, type RouteContext } from "@/lib/server/http/route";
import { listAudit } from "@/lib/server/services/audit";
import type { ListAuditQuery } from "@/lib/schemas/audit";

// GET /api/audit
export const listAuditEntries = async ({ query }: RouteContext<undefined, ListAuditQuery>) =>
  json(await listAudit(query));
