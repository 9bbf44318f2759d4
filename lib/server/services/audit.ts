import "server-only";
import type { Actor } from "@/lib/server/http/actor";
import { db } from "@/lib/server/store";
import type { AuditPage, ListAuditQuery } from "@/lib/schemas/audit";

export interface AuditRecord {
  actor: Actor;
  action: string;
  target?: string | null;
  ip?: string | null;
  outcome: "success" | "failure";
  details?: Record<string, unknown>;
}

/** Appends one audit entry. Never stores secrets: callers pass ids, counts and outcomes only. */
export async function recordAudit(r: AuditRecord): Promise<void> {
  await (
    await db()
  )
    .insertInto("audit_log")
    .values({
      at: new Date().toISOString(),
      actor_type: r.actor.type,
      actor_id: r.actor.id,
      actor_label: r.actor.label,
      action: r.action,
      target: r.target ?? null,
      ip: r.ip ?? null,
      outcome: r.outcome,
      details: r.details ? JSON.stringify(r.details) : null,
    })
    .execute();
}

/** Newest first, keyset on the row id; filters by actor (id or label), action and target. */
export async function listAudit(q: ListAuditQuery): Promise<AuditPage> {
  let query = (await db()).selectFrom("audit_log").selectAll();
  if (q.page_token) query = query.where("id", "<", Number(q.page_token));
  const actor = q.actor;
  if (actor) query = query.where((eb) => eb.or([eb("actor_id", "=", actor), eb("actor_label", "=", actor)]));
  if (q.action) query = query.where("action", "=", q.action);
  if (q.target) query = query.where("target", "=", q.target);
  const rows = await query
    .orderBy("id", "desc")
    .limit(q.page_size + 1)
    .execute();
  const more = rows.length > q.page_size;
  const items = rows.slice(0, q.page_size).map((r) => ({
    ...r,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
  }));
  return { items, next_page_token: more ? String(items.at(-1)?.id) : null };
}
