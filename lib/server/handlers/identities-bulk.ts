import "server-only";
import { json, type RouteContext } from "@/lib/server/http/route";
import { audited } from "@/lib/server/services/audited";
import { runBulk } from "@/lib/server/services/bulk";
import type { BulkBody } from "@/lib/schemas/identity";

// POST /api/auth/identities/bulk
export const bulk = async (ctx: RouteContext<undefined, undefined, BulkBody>) =>
  json(
    await audited(
      ctx,
      `identity.bulk_${ctx.body.action}`,
      null,
      () => runBulk(ctx.body),
      (r) => ({ ...r.summary, ids: ctx.body.ids.length }),
    ),
  );
