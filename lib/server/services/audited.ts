import "server-only";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit, recordAuditBatch, type AuditItem } from "@/lib/server/services/audit";
import { ApiError } from "@/lib/server/http/errors";
import { indexedLabel } from "@/lib/server/services/identity-index/query";

export interface Who {
  actor: Actor;
  ip: string;
}

/**
 * Runs a mutation and records it in the audit log, whether it succeeds or fails. An entry about one user keeps the
 * name the user had (`details.label`, read from the identity index before acting: a deleted user's row is gone after),
 * so the log names its target even once the user is gone.
 */
export async function audited<T>(
  who: Who,
  action: string,
  target: string | null | ((result: T) => string | null),
  fn: () => Promise<T>,
  details?: (result: T) => Record<string, unknown>,
): Promise<T> {
  const label =
    action.startsWith("identity.") && typeof target === "string" ? await indexedLabel(target).catch(() => null) : null;
  const named = label ? { label } : {};
  try {
    const result = await fn();
    const t = typeof target === "function" ? target(result) : target;
    await recordAudit({
      actor: who.actor,
      ip: who.ip,
      action,
      target: t,
      outcome: "success",
      details: label || details ? { ...named, ...details?.(result) } : undefined,
    });
    return result;
  } catch (err) {
    await recordAudit({
      actor: who.actor,
      ip: who.ip,
      action,
      target: typeof target === "function" ? null : target,
      outcome: "failure",
      details: { ...named, error: err instanceof ApiError ? err.id : "internal" },
    });
    throw err;
  }
}

/**
 * Runs a request over many items (a bulk action, an import) and records it: one entry for the request (its summary
 * in details, outcome success, partial or failure from the items') and one per item, linked by parent_id. When the
 * request itself fails, one failure entry as for any mutation.
 */
export async function auditedBatch<T>(
  who: Who,
  action: string,
  fn: () => Promise<T>,
  summary: (result: T) => Record<string, unknown>,
  items: (result: T) => AuditItem[],
): Promise<T> {
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    await recordAudit({
      actor: who.actor,
      ip: who.ip,
      action,
      outcome: "failure",
      details: { error: err instanceof ApiError ? err.id : "internal" },
    });
    throw err;
  }
  await recordAuditBatch({ actor: who.actor, ip: who.ip, action, details: summary(result) }, items(result));
  return result;
}
