import "server-only";
import type { Actor } from "@/lib/server/http/actor";
import { db } from "@/lib/server/store";
import type { AuditOutcome, AuditPage, ListAuditQuery } from "@/lib/schemas/audit";

export interface AuditRecord {
  actor: Actor;
  action: string;
  target?: string | null;
  ip?: string | null;
  outcome: "success" | "failure";
  details?: Record<string, unknown>;
}

/** One item of a bulk action or import: same actor, IP and time as its request's entry. */
export interface AuditItem {
  action: string;
  target: string | null;
  outcome: "success" | "failure";
  details?: Record<string, unknown>;
}

// Rows per INSERT: 11 values each stays far below SQLite's 32766 and Postgres's 65535 bound parameters.
const ROWS_PER_INSERT = 500;

const row = (r: Omit<AuditRecord, "outcome"> & { outcome: AuditOutcome }, at: string, parentId: number | null) => ({
  at,
  actor_type: r.actor.type,
  actor_id: r.actor.id,
  actor_label: r.actor.label,
  action: r.action,
  target: r.target ?? null,
  ip: r.ip ?? null,
  outcome: r.outcome,
  details: r.details ? JSON.stringify(r.details) : null,
  parent_id: parentId,
});

/** Appends one audit entry. Never stores secrets: callers pass ids, counts and outcomes only. */
export async function recordAudit(r: AuditRecord): Promise<void> {
  await (
    await db()
  )
    .insertInto("audit_log")
    .values(row(r, new Date().toISOString(), null))
    .execute();
}

/** A request's outcome from its items': `partial` when some failed, `success` when none did (or there were none). */
export function outcomeOf(items: readonly AuditItem[]): AuditOutcome {
  const failed = items.filter((i) => i.outcome === "failure").length;
  return failed === 0 ? "success" : failed === items.length ? "failure" : "partial";
}

/**
 * Appends a bulk request's entry (its outcome computed from the items, its details the caller's summary) and one
 * entry per item pointing at it, in one transaction: an import of 500 rows is one parent INSERT and one batch
 * INSERT, never 501 round trips, and never a parent without its items. Returns the parent's id.
 */
export async function recordAuditBatch(
  parent: Omit<AuditRecord, "outcome" | "target">,
  items: readonly AuditItem[],
): Promise<number> {
  const at = new Date().toISOString();
  return (await db()).transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("audit_log")
      .values(row({ ...parent, outcome: outcomeOf(items) }, at, null))
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < items.length; i += ROWS_PER_INSERT)
      await trx
        .insertInto("audit_log")
        .values(
          items
            .slice(i, i + ROWS_PER_INSERT)
            .map((item) => row({ ...item, actor: parent.actor, ip: parent.ip }, at, Number(id))),
        )
        .execute();
    return Number(id);
  });
}

/** Newest first, keyset on the row id; filters by actor (id or label), action, target and parent request. */
/** An entry's details as stored (JSON text) back to an object. */
const parsedDetails = (text: string | null) => (text ? (JSON.parse(text) as Record<string, unknown>) : null);

/** The newest successful entry of one action for each target (one indexed lookup per target), by target. */
export async function latestAudit(
  action: string,
  targets: readonly string[],
): Promise<Map<string, { at: string; actor_label: string | null; details: Record<string, unknown> | null }>> {
  const d = await db();
  const rows = await Promise.all(
    targets.map((target) =>
      d
        .selectFrom("audit_log")
        .select(["target", "at", "actor_label", "details"])
        .where("target", "=", target)
        .where("action", "=", action)
        .where("outcome", "=", "success")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst(),
    ),
  );
  return new Map(
    rows
      .filter((r) => !!r?.target)
      .map((r) => [
        r!.target!,
        {
          at: r!.at,
          actor_label: r!.actor_label,
          details: parsedDetails(r!.details),
        },
      ]),
  );
}

export async function listAudit(q: ListAuditQuery): Promise<AuditPage> {
  let query = (await db()).selectFrom("audit_log").selectAll();
  if (q.page_token) query = query.where("id", "<", Number(q.page_token));
  const actor = q.actor;
  if (actor) query = query.where((eb) => eb.or([eb("actor_id", "=", actor), eb("actor_label", "=", actor)]));
  if (q.action) query = query.where("action", "=", q.action);
  if (q.target) query = query.where("target", "=", q.target);
  if (q.parent) query = query.where("parent_id", "=", Number(q.parent));
  const rows = await query
    .orderBy("id", "desc")
    .limit(q.page_size + 1)
    .execute();
  const more = rows.length > q.page_size;
  const items = rows.slice(0, q.page_size).map((r) => ({
    ...r,
    parent_id: r.parent_id ?? null,
    details: parsedDetails(r.details),
  }));
  return { items, next_page_token: more ? String(items.at(-1)?.id) : null };
}
