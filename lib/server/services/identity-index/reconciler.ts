import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { env } from "@/lib/server/env";
import { listIdentities, listSessions } from "@/lib/server/kratos";
import { store } from "@/lib/server/store";
import {
  putIndexed,
  pruneSignIns,
  recordSignIns,
  removeUnconfirmed,
  setMeta,
  signIn,
  type SignIn,
} from "@/lib/server/services/identity-index/write";
import type { Session } from "@/lib/schemas/session";

const PAGE = 500;
const RECONCILER_LOCK = 0x7275_7374; // Postgres advisory lock id: one reconciler across instances on one database
const SLOW_MS = 1000; // a Kratos call slower than this widens the gap before the next one
const MAX_GAP_MS = 30_000;

interface State {
  timer: NodeJS.Timeout | null;
  running: Promise<PassReport | null> | null;
  calls: number;
  stopped: boolean;
  error: string | null;
}
const state = ((globalThis as { __trussReconciler?: State }).__trussReconciler ??= {
  timer: null,
  running: null,
  calls: 0,
  stopped: false,
  error: null,
});

export interface PassReport {
  identities: number;
  removed: number;
  sign_ins: number;
  calls: number;
  ms: number;
}

/**
 * Starts of Kratos calls at least this far apart for `rps` calls a second: 10% over 1000 / rps, because a call reaches
 * Kratos a few ms after it starts here (the event loop), and starts exactly 1000 / rps apart arrived 193 ms apart at
 * 5 a second, which put 6 calls into one second at Kratos (bench/identity-index.ts counts them at a proxy).
 */
export const minGapMs = (rps: number) => 1000 / (rps * 0.9);

/** Spaces Kratos calls at most `rps` per second, and further apart while Kratos answers slowly. */
function pacer(rps: number) {
  let gap = minGapMs(rps);
  let next = 0;
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    const wait = next - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const started = Date.now();
    state.calls++;
    try {
      return await fn();
    } finally {
      const took = Date.now() - started;
      gap = took > SLOW_MS ? Math.min(MAX_GAP_MS, Math.max(gap, took * 2)) : Math.max(minGapMs(rps), gap / 2);
      next = started + gap;
    }
  };
}

export const signInOf = (s: Session): SignIn | null => {
  const at = s.authenticated_at ?? s.issued_at;
  return s.identity_id && at ? signIn(s.identity_id, at, s.methods.at(-1) ?? "unknown") : null;
};

/** One full pass: every identity (upserted and confirmed), then the active sessions (last sign-ins), then deletions. */
async function pass(rps: number): Promise<PassReport> {
  const started = Date.now();
  const since = new Date(started).toISOString();
  const paced = pacer(rps);
  const calls0 = state.calls;
  await setMeta("pass_started_at", since);
  let identities = 0;
  let token: string | undefined;
  do {
    const page = await paced(() => listIdentities({ page_size: PAGE, page_token: token }));
    await putIndexed(page.items, since);
    identities += page.items.length;
    token = page.next_page_token ?? undefined;
  } while (token && !state.stopped);
  let signIns = 0;
  token = undefined;
  do {
    const page = await paced(() => listSessions({ page_size: PAGE, page_token: token }));
    signIns += await recordSignIns(page.items.flatMap((s) => signInOf(s) ?? []));
    token = page.next_page_token ?? undefined;
  } while (token && !state.stopped);
  if (state.stopped)
    return { identities, removed: 0, sign_ins: signIns, calls: state.calls - calls0, ms: Date.now() - started };
  const removed = await removeUnconfirmed(since);
  await pruneSignIns(new Date(started - 40 * 86_400_000).toISOString());
  const done = new Date().toISOString();
  await setMeta("pass_completed_at", done);
  await setMeta("first_pass_at", done);
  return { identities, removed, sign_ins: signIns, calls: state.calls - calls0, ms: Date.now() - started };
}

/** Runs fn only if this instance is the reconciler now: a Postgres advisory lock, or a lease in SQLite's store. */
export async function asLeader<T>(fn: () => Promise<T>): Promise<T | null> {
  const s = await store();
  if (s.kind === "postgres")
    return s.db.connection().execute(async (conn) => {
      const got = await sql<{ ok: boolean }>`SELECT pg_try_advisory_lock(${RECONCILER_LOCK}) AS ok`.execute(conn);
      if (!got.rows[0]?.ok) return null;
      try {
        return await fn();
      } finally {
        await sql`SELECT pg_advisory_unlock(${RECONCILER_LOCK})`.execute(conn);
      }
    });
  const holder = randomUUID();
  const now = Date.now();
  const lease = 10 * 60_000; // a crashed holder's lease lapses; a pass at 1M identities and 5 calls/s takes ~7 min
  const res = await s.db
    .insertInto("locks")
    .values({ name: "index-reconciler", holder, expires_at: now + lease })
    .onConflict((oc) =>
      oc
        .column("name")
        .doUpdateSet({ holder, expires_at: now + lease })
        .where("locks.expires_at", "<", now),
    )
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0n) === 0) return null;
  try {
    return await fn();
  } finally {
    await s.db.deleteFrom("locks").where("name", "=", "index-reconciler").where("holder", "=", holder).execute();
  }
}

/** One pass now (or joins the one running); null when another instance holds the reconciler lock. */
export function reconcileOnce(rps = env().TRUSS_INDEX_RECONCILE_RPS): Promise<PassReport | null> {
  state.running ??= asLeader(() => pass(rps))
    .then(
      (r) => {
        state.error = null;
        return r;
      },
      (err: unknown) => {
        state.error = err instanceof Error ? err.message : String(err);
        throw err;
      },
    )
    .finally(() => {
      state.running = null;
    });
  return state.running;
}

export const reconcilerStatus = () => ({ running: !!state.running, error: state.error });

/** Kratos calls the reconciler has made in this process (the bench reports their rate). */
export const reconcilerCalls = () => state.calls;

/** Starts the background loop (server boot only, never a request): a pass now, then one every interval. */
export function startReconciler(): void {
  const seconds = env().TRUSS_INDEX_RECONCILE_SECONDS;
  if (seconds === 0 || state.timer) return;
  state.stopped = false;
  const loop = async () => {
    try {
      const r = await reconcileOnce();
      if (r)
        console.log(
          `[truss] identity index: ${r.identities} identities confirmed, ${r.removed} removed, ${r.calls} Kratos calls in ${r.ms} ms`,
        );
    } catch (err) {
      console.error(
        `[truss] identity index: reconciler pass failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (!state.stopped) state.timer = setTimeout(() => void loop(), seconds * 1000).unref();
  };
  state.timer = setTimeout(() => void loop(), 0).unref();
}

export function stopReconciler(): void {
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
}
