import "server-only";
import { json, type RouteContext } from "@/lib/server/http/route";
import type { AuditItem } from "@/lib/server/services/audit";
import { auditedBatch } from "@/lib/server/services/audited";
import { runBulk } from "@/lib/server/services/bulk";
import type { BulkBody } from "@/lib/schemas/identity";

// POST /api/auth/identities/bulk: one audit entry for the request (counts) and one per identity (e.g.
// identity.delete, its label at the time, the error when it failed), linked by parent_id.
export const bulk = async (ctx: RouteContext<undefined, undefined, BulkBody>) => {
  const { action } = ctx.body;
  const run = await auditedBatch(
    ctx,
    `identity.bulk_${action}`,
    () => runBulk(ctx.body),
    (r) => ({ ...r.response.summary, ids: ctx.body.ids.length }),
    (r) =>
      r.response.results.map((item): AuditItem => {
        const label = r.labels.get(item.id);
        return {
          action: `identity.${action}`,
          target: item.id,
          outcome: item.status === "ok" ? "success" : "failure",
          details: {
            ...(label ? { label } : {}),
            ...(item.error ? { error: item.error.id, message: item.error.message } : {}),
          },
        };
      }),
  );
  return json(run.response);
};
