import "server-only";
import { usesEmbeddedKratos } from "@/lib/server/env";
import { kratosHealth } from "@/lib/server/kratos";
import { oidcProviderIds } from "@/lib/server/services/providers";
import { countersFrom } from "@/lib/server/services/identity-index/counters";
import { indexStatus } from "@/lib/server/services/identity-index/query";
import { reconcilerStatus } from "@/lib/server/services/identity-index/reconciler";
import type { DailyCount, KratosStatus, Stats } from "@/lib/schemas/stats";

const HEALTH_TTL_MS = 10_000;
const DAYS = 30;

const holder = globalThis as { __trussHealth?: { value: KratosStatus; at: number } };

async function kratosStatus(): Promise<KratosStatus> {
  const cached = holder.__trussHealth;
  if (cached && Date.now() - cached.at < HEALTH_TTL_MS) return cached.value;
  const h = await kratosHealth();
  const value: KratosStatus = {
    mode: usesEmbeddedKratos() ? "embedded" : "external",
    public: h.public ? "up" : "down",
    admin: h.admin ? "up" : "down",
    version: h.version,
  };
  holder.__trussHealth = { value, at: Date.now() };
  return value;
}

const days = (now: number) =>
  Array.from({ length: DAYS }, (_, i) => new Date(now - (DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10));

/**
 * Overview figures from the identity index's counters: a few dozen rows at any number of users, so nothing is cached
 * and nothing scans Kratos. Sign-ups are identities created per day (still existing); sign-ins come from hooks.
 */
export async function getStats(): Promise<Stats> {
  const now = Date.now();
  const span = days(now);
  // Counter keys sort by kind ("admin", "all", "created:<day>", "provider:<id>", …): each read is one key range.
  const [totals, states, created, providerCounts, signins, index, kratos] = await Promise.all([
    countersFrom("a", "b"),
    countersFrom("state:", "state;"),
    countersFrom(`created:${span[0]}`, "created;"),
    countersFrom("provider:", "provider;"),
    countersFrom(`signin:${span[0]}`, "signin;"),
    indexStatus(),
    kratosStatus(),
  ]);
  const perDay = new Map<string, number>();
  const byMethod = new Map<string, number>();
  for (const [key, n] of signins) {
    const [, day = "", method = "unknown"] = key.split(":");
    perDay.set(day, (perDay.get(day) ?? 0) + n);
    byMethod.set(method, (byMethod.get(method) ?? 0) + n);
  }
  const series = (f: (d: string) => number): DailyCount[] => span.map((date) => ({ date, count: f(date) }));
  const linked = new Set([...oidcProviderIds(), ...[...providerCounts.keys()].map((k) => k.slice("provider:".length))]);
  const run = reconcilerStatus();
  return {
    ready: index.ready,
    refreshing: run.running,
    computed_at: new Date(now).toISOString(),
    index_updated_at: index.updated_at,
    error: run.error,
    users: {
      total: totals.get("all") ?? 0,
      active: states.get("state:active") ?? 0,
      inactive: states.get("state:inactive") ?? 0,
      admins: totals.get("admin") ?? 0,
    },
    sign_ins: { last_30_days: [...perDay.values()].reduce((a, b) => a + b, 0) },
    signups_per_day: series((d) => created.get(`created:${d}`) ?? 0),
    sign_ins_per_day: series((d) => perDay.get(d) ?? 0),
    sign_ins_by_method: [...byMethod].map(([method, count]) => ({ method, count })).sort((a, b) => b.count - a.count),
    providers: [...linked].map((id) => ({ id, linked_identities: providerCounts.get(`provider:${id}`) ?? 0 })),
    kratos,
  };
}

/** Identities per schema id, exact (the schemas page); null until the identity index has finished its first pass. */
export async function schemaUsage(): Promise<Map<string, number> | null> {
  const [rows, index] = await Promise.all([countersFrom("schema:", "schema;"), indexStatus()]);
  // Until the index's first full pass the counters hold only what Truss wrote itself: unknown, not zero.
  if (!index.ready) return null;
  return new Map([...rows].map(([k, n]) => [k.slice("schema:".length), n]));
}
