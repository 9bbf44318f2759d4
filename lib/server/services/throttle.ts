import "server-only";
import { sql } from "kysely";
import { ApiError } from "@/lib/server/http/errors";
import { db } from "@/lib/server/store";

export interface Limit {
  bucket: string;
  max: number;
  windowMs: number;
}

export interface Counter {
  count: number;
  window_start: number;
}

const secondsLeft = (c: Counter, l: Limit, now: number) =>
  Math.max(1, Math.ceil((c.window_start + l.windowMs - now) / 1000));

/** Fixed-window counters in the store. Returns seconds to wait when any bucket is over its limit. */
export async function retryAfter(limits: Limit[], now = Date.now()): Promise<number | null> {
  if (limits.length === 0) return null;
  const rows = await (
    await db()
  )
    .selectFrom("throttle")
    .select(["bucket", "count", "window_start"])
    .where(
      "bucket",
      "in",
      limits.map((l) => l.bucket),
    )
    .execute();
  let wait = 0;
  for (const l of limits) {
    const row = rows.find((r) => r.bucket === l.bucket);
    if (row && now - row.window_start < l.windowMs && row.count >= l.max)
      wait = Math.max(wait, secondsLeft(row, l, now));
  }
  return wait > 0 ? wait : null;
}

/**
 * Counts one event in each bucket with a single atomic upsert per bucket (a new window starts when the
 * old one is over), so concurrent requests on several instances add up exactly. Returns the new counters.
 */
export async function hit(limits: Limit[], now = Date.now()): Promise<Counter[]> {
  const q = await db();
  const out: Counter[] = [];
  for (const l of limits) {
    const expired = sql<boolean>`${now} - throttle.window_start >= ${l.windowMs}`;
    const row = await q
      .insertInto("throttle")
      .values({ bucket: l.bucket, count: 1, window_start: now })
      .onConflict((oc) =>
        oc.column("bucket").doUpdateSet({
          count: sql<number>`CASE WHEN ${expired} THEN 1 ELSE throttle.count + 1 END`,
          window_start: sql<number>`CASE WHEN ${expired} THEN ${now} ELSE throttle.window_start END`,
        }),
      )
      .returning(["count", "window_start"])
      .executeTakeFirstOrThrow();
    out.push({ count: Number(row.count), window_start: Number(row.window_start) });
  }
  return out;
}

/** Counts one request and refuses it when that makes the bucket go over (check and count in one step). */
export async function consume(
  limit: Limit,
  now = Date.now(),
): Promise<{ remaining: number; retryAfter: number | null }> {
  const [c] = await hit([limit], now);
  if (!c) throw new Error("throttle: no counter returned");
  return c.count > limit.max
    ? { remaining: 0, retryAfter: secondsLeft(c, limit, now) }
    : { remaining: limit.max - c.count, retryAfter: null };
}

export async function clear(buckets: string[]): Promise<void> {
  if (buckets.length === 0) return;
  await (await db()).deleteFrom("throttle").where("bucket", "in", buckets).execute();
}

export async function throwIfThrottled(limits: Limit[], message: string): Promise<void> {
  const wait = await retryAfter(limits);
  if (wait !== null) throw new ApiError("rate_limited", message, { headers: { "Retry-After": String(wait) } });
}

const WINDOW = 15 * 60_000;
/** Login limits: per identifier, per client, and per (client, identifier). Failures count; success clears. */
export function loginLimits(identifier: string, ip: string): Limit[] {
  return [
    { bucket: `login:id:${identifier}`, max: 10, windowMs: WINDOW },
    { bucket: `login:ip:${ip}`, max: 50, windowMs: WINDOW },
    { bucket: `login:ipid:${ip}:${identifier}`, max: 5, windowMs: WINDOW },
  ];
}
