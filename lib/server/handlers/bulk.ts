import "server-only";
import { audited } from "@/lib/server/audited";
import { ApiError } from "@/lib/server/errors";
import { applyState } from "@/lib/server/handlers/identities";
import { withIdempotency } from "@/lib/server/idempotency";
import { importUsers } from "@/lib/server/import-users";
import * as k from "@/lib/server/kratos";
import { unlessLastAdmin } from "@/lib/server/admins";
import { json, type RouteContext } from "@/lib/server/route";
import type { BulkBody, BulkResult } from "@/lib/schemas/identity";
import type { ImportBody } from "@/lib/schemas/import";

const CONCURRENCY = 4;

async function runOne(action: BulkBody["action"], id: string): Promise<void> {
  if (action === "activate") await applyState(id, "active");
  else if (action === "deactivate") await applyState(id, "inactive");
  else if (action === "revoke_sessions") await k.revokeIdentitySessions(id);
  else await unlessLastAdmin(id, "deleting this account", () => k.deleteIdentity(id));
}

/** Applies one action to up to 500 identities; each item succeeds or fails on its own. */
export async function runBulk(body: BulkBody): Promise<BulkResult> {
  const ids = [...new Set(body.ids)];
  const results = new Array<BulkResult["results"][number]>(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i]!;
      try {
        await runOne(body.action, id);
        results[i] = { id, status: "ok" };
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError("internal", "Unexpected error.");
        results[i] = { id, status: "error", error: { id: e.id, message: e.message } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  const ok = results.filter((r) => r.status === "ok").length;
  return { action: body.action, summary: { ok, failed: results.length - ok }, results };
}

export const bulk = async (ctx: RouteContext<undefined, undefined, BulkBody>) =>
  json(await audited(ctx, `identity.bulk_${ctx.body.action}`, null, () => runBulk(ctx.body), (r) => ({ ...r.summary, ids: ctx.body.ids.length })));

export const importHandler = async (ctx: RouteContext<undefined, { dry_run: boolean }, ImportBody>) => {
  if (ctx.query.dry_run) return json(await importUsers(ctx.body.users, true));
  const key = ctx.req.headers.get("idempotency-key");
  const result = await withIdempotency(key, `import:${ctx.actor.type}:${ctx.actor.id ?? "-"}`, ctx.body, async () => ({
    status: 200,
    data: await audited(ctx, "users.import", null, () => importUsers(ctx.body.users, false), (r) => ({ ...r.summary, ...(key ? { idempotency_key: key } : {}) })),
  }));
  return json(result.data, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
};
