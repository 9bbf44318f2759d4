import "server-only";
import { json, type RouteContext } from "@/lib/server/http/route";
import { audited } from "@/lib/server/services/audited";
import { withIdempotency } from "@/lib/server/services/idempotency";
import { importUsers } from "@/lib/server/services/import-users";
import type { ImportBody } from "@/lib/schemas/import";

// POST /api/auth/users/import and /v1/auth/users/import
export const importUsersHandler = async (ctx: RouteContext<undefined, { dry_run: boolean }, ImportBody>) => {
  if (ctx.query.dry_run) return json(await importUsers(ctx.body.users, true));
  const key = ctx.req.headers.get("idempotency-key");
  const result = await withIdempotency(key, `import:${ctx.actor.type}:${ctx.actor.id ?? "-"}`, ctx.body, async () => ({
    status: 200,
    data: await audited(
      ctx,
      "users.import",
      null,
      () => importUsers(ctx.body.users, false),
      (r) => ({ ...r.summary, ...(key ? { idempotency_key: key } : {}) }),
    ),
  }));
  return json(result.data, {
    status: result.status,
    headers: result.replayed ? { "Idempotent-Replayed": "true" } : {},
  });
};
