import "server-only";
import { db } from "@/lib/server/store";
import type { Actor } from "@/lib/server/actor";
import type { AuditEntry, AuditPage, ListAuditQuery } from "@/lib/schemas/audit";

export interface AuditRecord {
  actor: Actor;
  action: string;
  target?: string | null;
  ip?: string | null;
  outcome: "success" | "failure";
  details?: Record<string, unknown>;
}

/** Appends one audit entry. Never stores secrets: callers pass ids, counts and outcomes only. */
export function recordAudit(r: AuditRecord): void {
  db()
    .prepare(
      `INSERT INTO audit_log (at, actor_type, actor_id, actor_label, action, target, ip, outcome, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      new Date().toISOString(),
      r.actor.type,
      r.actor.id,
      r.actor.label,
      r.action,
      r.target ?? null,
      r.ip ?? null,
      r.outcome,
      r.details ? JSON.stringify(r.details) : null,
    );
}

interface Row extends Omit<AuditEntry, "details"> {
  details: string | null;
}

/** Newest first, keyset on the row id; filters by actor (id or label), action and target. */
export function listAudit(q: ListAuditQuery): AuditPage {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    where.push(clause);
    args.push(...values);
  };
  if (q.page_token) add("id < ?", Number(q.page_token));
  if (q.actor) add("(actor_id = ? OR actor_label = ?)", q.actor, q.actor);
  if (q.action) add("action = ?", q.action);
  if (q.target) add("target = ?", q.target);
  const rows = db()
    .prepare(
      `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`,
    )
    .all(...args, q.page_size + 1) as Row[];
  const more = rows.length > q.page_size;
  const items = rows.slice(0, q.page_size).map((r) => ({
    ...r,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
  }));
  return { items, next_page_token: more ? String(items.at(-1)?.id) : null };
}
