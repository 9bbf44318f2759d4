import "server-only";
import { ApiError } from "@/lib/server/http/errors";
import * as k from "@/lib/server/kratos";
import { unlessLastAdmin } from "@/lib/server/services/admins";
import { applyState } from "@/lib/server/services/identity-state";
import { identityLabel, type BulkBody, type BulkResult } from "@/lib/schemas/identity";

const CONCURRENCY = 4;

async function runOne(action: BulkBody["action"], id: string): Promise<void> {
  if (action === "activate") await applyState(id, "active");
  else if (action === "deactivate") await applyState(id, "inactive");
  else if (action === "revoke_sessions") await k.revokeIdentitySessions(id);
  else await unlessLastAdmin(id, "deleting this account", () => k.deleteIdentity(id));
}

export interface BulkRun {
  response: BulkResult;
  /** Each id's label read just before acting on it (a deleted user's email is gone after); absent if unreadable. */
  labels: ReadonlyMap<string, string>;
}

/**
 * Applies one action to up to 500 identities; each item succeeds or fails on its own. Each identity is read first,
 * for the label its audit entry keeps (an id Kratos does not know fails there, with not_found).
 */
export async function runBulk(body: BulkBody): Promise<BulkRun> {
  const ids = [...new Set(body.ids)];
  const results = new Array<BulkResult["results"][number]>(ids.length);
  const labels = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i]!;
      try {
        labels.set(id, identityLabel(await k.getIdentity(id)));
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
  return { response: { action: body.action, summary: { ok, failed: results.length - ok }, results }, labels };
}
