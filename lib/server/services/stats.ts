import "server-only";
import { usesEmbeddedKratos } from "@/lib/server/env";
import { kratosHealth, listIdentities, listSessions } from "@/lib/server/kratos";
import { oidcProviderIds } from "@/lib/server/services/providers";
import type { DailyCount, KratosStatus, Stats } from "@/lib/schemas/stats";

const TTL_MS = 60_000;
const HEALTH_TTL_MS = 10_000;
const DAYS = 30;
const PAGE = 500;

type Figures = Pick<Stats, "users" | "sessions" | "signups_per_day" | "sessions_per_day" | "providers">;

interface Cache {
  figures: Figures | null;
  /** Identities per schema id, from the last scan. */
  schemas: Map<string, number> | null;
  /** Latest active-session start per identity, from the last scan (feeds the users list's "last session"). */
  lastSession: Map<string, string>;
  computedAt: number;
  inflight: Promise<void> | null;
  scanned: number;
  error: string | null;
  health: { value: KratosStatus; at: number } | null;
}
// One cache per process, even when Next loads this module in several bundles.
const cache = ((globalThis as { __trussStats?: Cache }).__trussStats ??= {
  figures: null,
  schemas: null,
  lastSession: new Map<string, string>(),
  computedAt: 0,
  inflight: null,
  scanned: 0,
  error: null,
  health: null,
});

const dayKey = (d: Date) => d.toISOString().slice(0, 10);

function lastDays(now: Date): Map<string, number> {
  const days = new Map<string, number>();
  for (let i = DAYS - 1; i >= 0; i--) days.set(dayKey(new Date(now.getTime() - i * 86_400_000)), 0);
  return days;
}

function bump(days: Map<string, number>, iso: string | null): void {
  if (!iso) return;
  const k = iso.slice(0, 10);
  const v = days.get(k);
  if (v !== undefined) days.set(k, v + 1);
}

const series = (days: Map<string, number>): DailyCount[] => [...days].map(([date, count]) => ({ date, count }));

/** Pages through every identity and active session (500 per Kratos call) and tallies the overview figures. */
async function compute(): Promise<Figures> {
  const now = new Date();
  const signups = lastDays(now);
  const sessionDays = lastDays(now);
  const users = { total: 0, active: 0, inactive: 0, admins: 0 };
  const linked = new Map<string, number>(oidcProviderIds().map((id) => [id, 0]));
  const bySchema = new Map<string, number>();
  cache.scanned = 0;
  let token: string | undefined;
  do {
    const page = await listIdentities({ page_size: PAGE, page_token: token });
    for (const i of page.items) {
      users.total++;
      users[i.state]++;
      if (i.is_admin) users.admins++;
      bySchema.set(i.schema_id, (bySchema.get(i.schema_id) ?? 0) + 1);
      bump(signups, i.created_at);
      for (const p of new Set(i.providers.map((x) => x.provider))) linked.set(p, (linked.get(p) ?? 0) + 1);
    }
    cache.scanned = users.total;
    token = page.next_page_token ?? undefined;
  } while (token);
  let active = 0;
  const lastSession = new Map<string, string>();
  token = undefined;
  do {
    const page = await listSessions({ page_size: PAGE, page_token: token });
    for (const s of page.items) {
      if (!s.active) continue;
      active++;
      const started = s.authenticated_at ?? s.issued_at;
      bump(sessionDays, started);
      if (s.identity_id && started && started > (lastSession.get(s.identity_id) ?? ""))
        lastSession.set(s.identity_id, started);
    }
    token = page.next_page_token ?? undefined;
  } while (token);
  cache.lastSession = lastSession;
  cache.schemas = bySchema;
  return {
    users,
    sessions: { active },
    signups_per_day: series(signups),
    sessions_per_day: series(sessionDays),
    providers: [...linked].map(([id, linked_identities]) => ({ id, linked_identities })),
  };
}

/** When the identity's latest active session started, as of the last scan (≤ 60 s old); null if none. */
export function lastSessionAt(identityId: string): string | null {
  if (!cache.figures || Date.now() - cache.computedAt > TTL_MS) void refreshStats();
  return cache.lastSession.get(identityId) ?? null;
}

/** Identities per schema id as of the last scan (null before the first); starts a refresh when stale. */
export function schemaUsage(): Map<string, number> | null {
  if (!cache.figures || Date.now() - cache.computedAt > TTL_MS) void refreshStats();
  return cache.schemas;
}

/** Starts a refresh unless one is already running (at most one in flight). */
export function refreshStats(): Promise<void> {
  cache.inflight ??= compute()
    .then((figures) => {
      cache.figures = figures;
      cache.computedAt = Date.now();
      cache.error = null;
    })
    .catch((err: unknown) => {
      cache.error = err instanceof Error ? err.message : "Could not compute the figures.";
    })
    .finally(() => {
      cache.inflight = null;
    });
  return cache.inflight;
}

async function health(): Promise<KratosStatus> {
  if (cache.health && Date.now() - cache.health.at < HEALTH_TTL_MS) return cache.health.value;
  const h = await kratosHealth();
  const value: KratosStatus = {
    mode: usesEmbeddedKratos() ? "embedded" : "external",
    public: h.public ? "up" : "down",
    admin: h.admin ? "up" : "down",
    version: h.version,
  };
  cache.health = { value, at: Date.now() };
  return value;
}

const EMPTY: Figures = {
  users: { total: 0, active: 0, inactive: 0, admins: 0 },
  sessions: { active: 0 },
  signups_per_day: [],
  sessions_per_day: [],
  providers: [],
};

/**
 * Overview figures, never computed in the browser. Served from memory for 60 s; once stale, the cached
 * value is returned at once while one background refresh recomputes it. Only the very first call waits,
 * and at most `waitMs`; after that it answers `ready: false` and the client polls.
 */
export async function getStats(waitMs = 2500): Promise<Stats> {
  if (!cache.figures || Date.now() - cache.computedAt > TTL_MS) void refreshStats();
  if (!cache.figures && cache.inflight) await Promise.race([cache.inflight, new Promise((r) => setTimeout(r, waitMs))]);
  const figures = cache.figures;
  return {
    ready: !!figures,
    refreshing: !!cache.inflight,
    computed_at: figures ? new Date(cache.computedAt).toISOString() : null,
    scanned: cache.scanned,
    error: cache.error,
    ...(figures ?? EMPTY),
    kratos: await health(),
  };
}
