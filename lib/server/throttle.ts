import "server-only";
import { ApiError } from "@/lib/server/errors";
import { db } from "@/lib/server/store";

export interface Limit {
  bucket: string;
  max: number;
  windowMs: number;
}

/** Fixed-window counters in the store. Returns seconds to wait when any bucket is over its limit. */
export function retryAfter(limits: Limit[], now = Date.now()): number | null {
  let wait = 0;
  for (const l of limits) {
    const row = db().prepare("SELECT count, window_start FROM throttle WHERE bucket = ?").get(l.bucket) as
      | { count: number; window_start: number }
      | undefined;
    if (row && now - row.window_start < l.windowMs && row.count >= l.max)
      wait = Math.max(wait, Math.ceil((row.window_start + l.windowMs - now) / 1000));
  }
  return wait > 0 ? wait : null;
}

export function hit(limits: Limit[], now = Date.now()): void {
  const stmt = db().prepare(
    `INSERT INTO throttle (bucket, count, window_start) VALUES (?, 1, ?)
     ON CONFLICT(bucket) DO UPDATE SET
       count = CASE WHEN ? - window_start >= ? THEN 1 ELSE count + 1 END,
       window_start = CASE WHEN ? - window_start >= ? THEN ? ELSE window_start END`,
  );
  db().transaction(() => {
    for (const l of limits) stmt.run(l.bucket, now, now, l.windowMs, now, l.windowMs, now);
  })();
}

export function clear(buckets: string[]): void {
  const stmt = db().prepare("DELETE FROM throttle WHERE bucket = ?");
  for (const b of buckets) stmt.run(b);
}

export function throwIfThrottled(limits: Limit[], message: string): void {
  const wait = retryAfter(limits);
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
