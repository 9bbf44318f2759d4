import "server-only";
import { sql, type Transaction } from "kysely";
import { store } from "@/lib/server/store";
import type { TrussTables } from "@/lib/server/store/schema";
import type { Identity } from "@/lib/schemas/identity";
import { counterKeys, providersOf, toIndexRow, type IndexRow } from "@/lib/server/services/identity-index/rows";

type Tx = Transaction<TrussTables>;

// Postgres: index writes take turns (one transaction-scoped advisory lock), so read-then-count never double counts.
const INDEX_WRITE_LOCK = 0x7275_7373; // "russ"

async function inTx<T>(fn: (tx: Tx, kind: "sqlite" | "postgres") => Promise<T>): Promise<T> {
  const s = await store();
  return s.db.transaction().execute(async (tx) => {
    if (s.kind === "postgres") await sql`SELECT pg_advisory_xact_lock(${INDEX_WRITE_LOCK})`.execute(tx);
    return fn(tx, s.kind);
  });
}

function addAll(delta: Map<string, number>, keys: string[], by: number): void {
  for (const k of keys) delta.set(k, (delta.get(k) ?? 0) + by);
}

async function applyCounts(tx: Tx, delta: Map<string, number>): Promise<void> {
  for (const [key, n] of delta) {
    if (n === 0) continue;
    await tx
      .insertInto("identity_counts")
      .values({ key, n })
      .onConflict((oc) => oc.column("key").doUpdateSet({ n: sql`identity_counts.n + excluded.n` }))
      .execute();
  }
}

interface OldRow {
  seq: number;
  id: string;
  doc: string;
  state: string;
  schema_id: string;
  is_admin: number;
  verified: number;
  created_at: string;
  last_sign_in_key: string;
  search: string;
}

async function oldRows(tx: Tx, ids: string[]): Promise<Map<string, OldRow & { providers: string[] }>> {
  const out = new Map<string, OldRow & { providers: string[] }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await tx
      .selectFrom("identity_index")
      .select([
        "seq",
        "id",
        "doc",
        "state",
        "schema_id",
        "is_admin",
        "verified",
        "created_at",
        "last_sign_in_key",
        "search",
      ])
      .where("id", "in", chunk)
      .execute();
    for (const r of rows)
      out.set(r.id, {
        ...r,
        seq: Number(r.seq),
        is_admin: Number(r.is_admin),
        verified: Number(r.verified),
        providers: [],
      });
    const links = await tx.selectFrom("identity_providers").selectAll().where("identity_id", "in", chunk).execute();
    for (const l of links) out.get(l.identity_id)?.providers.push(l.provider);
  }
  return out;
}

async function writeFts(tx: Tx, kind: string, seq: number, search: string, replace: boolean): Promise<void> {
  if (kind !== "sqlite") return; // Postgres searches the column itself (pg_trgm)
  if (replace) await sql`DELETE FROM identity_fts WHERE rowid = ${seq}`.execute(tx);
  await sql`INSERT INTO identity_fts (rowid, search) VALUES (${seq}, ${search})`.execute(tx);
}

/**
 * Puts identities (as Kratos just showed them) into the index, in one transaction with their counters. Rows that
 * did not change are only marked confirmed. Each row keeps its last sign-in unless `lastSignIn` is later.
 */
export async function putIndexed(items: Identity[], confirmedAt = new Date().toISOString()): Promise<void> {
  if (items.length === 0) return;
  await inTx(async (tx, kind) => {
    const old = await oldRows(
      tx,
      items.map((i) => i.id),
    );
    const delta = new Map<string, number>();
    const unchanged: string[] = [];
    for (const item of items) {
      const prev = old.get(item.id);
      const row = toIndexRow(item, confirmedAt, prev?.last_sign_in_key ?? "");
      if (prev && prev.doc === row.doc) {
        unchanged.push(item.id);
        continue;
      }
      const providers = providersOf(item);
      if (prev) addAll(delta, counterKeys(prev, prev.providers), -1);
      addAll(delta, counterKeys(row, providers), +1);
      const seq = await upsertRow(tx, row);
      if (!prev || prev.search !== row.search) await writeFts(tx, kind, seq, row.search, !!prev);
      if (!prev || prev.providers.join() !== providers.join()) {
        await tx.deleteFrom("identity_providers").where("identity_id", "=", item.id).execute();
        for (const provider of providers)
          await tx.insertInto("identity_providers").values({ provider, identity_id: item.id }).execute();
      }
    }
    for (let i = 0; i < unchanged.length; i += 500)
      await tx
        .updateTable("identity_index")
        .set({ confirmed_at: confirmedAt })
        .where("id", "in", unchanged.slice(i, i + 500))
        .where("confirmed_at", "<", confirmedAt)
        .execute();
    await applyCounts(tx, delta);
  });
}

async function upsertRow(tx: Tx, row: IndexRow): Promise<number> {
  const { id: _id, ...rest } = row;
  const r = await tx
    .insertInto("identity_index")
    .values(row)
    .onConflict((oc) => oc.column("id").doUpdateSet(rest))
    .returning("seq")
    .executeTakeFirstOrThrow();
  return Number(r.seq);
}

/** Removes identities from the index (deleted in Kratos), with their counters. */
export async function removeIndexed(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await inTx(async (tx, kind) => {
    const old = await oldRows(tx, ids);
    const delta = new Map<string, number>();
    for (const prev of old.values()) {
      addAll(delta, counterKeys(prev, prev.providers), -1);
      if (kind === "sqlite") await sql`DELETE FROM identity_fts WHERE rowid = ${prev.seq}`.execute(tx);
    }
    const gone = [...old.keys()];
    for (let i = 0; i < gone.length; i += 500) {
      const chunk = gone.slice(i, i + 500);
      await tx.deleteFrom("identity_providers").where("identity_id", "in", chunk).execute();
      await tx.deleteFrom("identity_index").where("id", "in", chunk).execute();
    }
    await applyCounts(tx, delta);
  });
}

/** Rows no write, hook or reconciler pass has confirmed since `before`: identities Kratos no longer has. */
export async function removeUnconfirmed(before: string): Promise<number> {
  const q = (await store()).db;
  let removed = 0;
  for (;;) {
    const stale = await q
      .selectFrom("identity_index")
      .select("id")
      .where("confirmed_at", "<", before)
      .limit(500)
      .execute();
    if (stale.length === 0) return removed;
    await removeIndexed(stale.map((r) => r.id));
    removed += stale.length;
  }
}

/**
 * One sign-in, keyed by identity and authentication time to the millisecond: Kratos's login hook often carries a nil
 * session id (its body is built before the session is saved) and nanoseconds that PostgreSQL stores as microseconds,
 * so this is the key the hook and the reconciler's session pass agree on.
 */
export function signIn(identityId: string, at: string, method: string): SignIn {
  const iso = new Date(at).toISOString();
  return { key: `${identityId}:${iso}`, identity_id: identityId, at: iso, method };
}

export interface SignIn {
  /** Unique per sign-in: the identity and its authentication time (see signIn). */
  key: string;
  identity_id: string;
  at: string;
  /** The provider id for social sign-in, else the method (password, code, …). */
  method: string;
}

/** Records sign-ins once each (hooks retry; the reconciler sees the same sessions again) and moves last-sign-in. */
export async function recordSignIns(events: SignIn[]): Promise<number> {
  if (events.length === 0) return 0;
  return inTx(async (tx) => {
    const delta = new Map<string, number>();
    let added = 0;
    for (const e of events) {
      const r = await tx
        .insertInto("sign_ins")
        .values(e)
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
      added++;
      addAll(delta, [`signin:${e.at.slice(0, 10)}:${e.method}`], 1);
      await tx
        .updateTable("identity_index")
        .set({ last_sign_in_key: e.at })
        .where("id", "=", e.identity_id)
        .where("last_sign_in_key", "<", e.at)
        .execute();
    }
    await applyCounts(tx, delta);
    return added;
  });
}

/** Forgets sign-in keys older than the overview's window (their day counters stay). */
export async function pruneSignIns(before: string): Promise<void> {
  await (await store()).db.deleteFrom("sign_ins").where("at", "<", before).execute();
}

export async function setMeta(key: string, value: string): Promise<void> {
  await (
    await store()
  ).db
    .insertInto("index_meta")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}
