import "server-only";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import { ApiError } from "@/lib/server/http/errors";

export interface Who {
  actor: Actor;
  ip: string;
}

/** Runs a mutation and records it in the audit log, whether it succeeds or fails. */
export async function audited<T>(
  who: Who,
  action: string,
  target: string | null | ((result: T) => string | null),
  fn: () => Promise<T>,
  details?: (result: T) => Record<string, unknown>,
): Promise<T> {
  try {
    const result = await fn();
    const t = typeof target === "function" ? target(result) : target;
    await recordAudit({
      actor: who.actor,
      ip: who.ip,
      action,
      target: t,
      outcome: "success",
      details: details?.(result),
    });
    return result;
  } catch (err) {
    await recordAudit({
      actor: who.actor,
      ip: who.ip,
      action,
      target: typeof target === "function" ? null : target,
      outcome: "failure",
      details: { error: err instanceof ApiError ? err.id : "internal" },
    });
    throw err;
  }
}
