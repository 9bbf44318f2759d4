import "server-only";
import { getIdentities, observeIdentities } from "@/lib/server/kratos";
import { putIndexed, removeIndexed } from "@/lib/server/services/identity-index/write";

export { listIndexed } from "@/lib/server/services/identity-index/query";
export { counter } from "@/lib/server/services/identity-index/counters";
export { putIndexed, removeIndexed, recordSignIns } from "@/lib/server/services/identity-index/write";
export {
  minGapMs,
  reconcileOnce,
  startReconciler,
  stopReconciler,
} from "@/lib/server/services/identity-index/reconciler";

/** Re-reads identities from Kratos and puts what exists (and removes what does not) into the index. */
export async function refreshIndexed(ids: string[]): Promise<void> {
  const found = await getIdentities(ids);
  await putIndexed(found);
  const present = new Set(found.map((i) => i.id));
  await removeIndexed(ids.filter((id) => !present.has(id)));
}

// Truss's own writes reach the index in the same request (lib/server/kratos/changes.ts).
observeIdentities({ deleted: removeIndexed, touched: refreshIndexed });
