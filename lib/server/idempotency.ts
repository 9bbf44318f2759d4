import "server-only";
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/server/errors";
import { db } from "@/lib/server/store";

const TTL_MS = 24 * 3_600_000;

/**
 * Optional `Idempotency-Key` (IETF httpapi draft): the same key and body within 24 h replays the first answer,
 * the same key with another body is 422, and a key still running is 409. Scoped per actor.
 */
export async function withIdempotency(
  key: string | null,
  scope: string,
  body: unknown,
  run: () => Promise<{ status: number; data: unknown }>,
): Promise<{ status: number; data: unknown; replayed: boolean }> {
  if (!key) return { ...(await run()), replayed: false };
  if (key.length > 200) throw new ApiError("invalid_request", "Idempotency-Key must be at most 200 characters.");
  const id = `${scope}:${key}`;
  const bodyHash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  const now = Date.now();
  db().prepare("DELETE FROM idempotency WHERE created_at < ?").run(now - TTL_MS);
  const claimed = db()
    .prepare("INSERT OR IGNORE INTO idempotency (key, body_hash, created_at) VALUES (?, ?, ?)")
    .run(id, bodyHash, now).changes === 1;
  if (!claimed) {
    const row = db().prepare("SELECT body_hash, status, response FROM idempotency WHERE key = ?").get(id) as
      | { body_hash: string; status: number | null; response: string | null }
      | undefined;
    if (row && row.body_hash !== bodyHash)
      throw new ApiError("validation_failed", "This Idempotency-Key was used with a different body.");
    if (!row || row.status === null) throw new ApiError("conflict", "A request with this Idempotency-Key is still running.");
    return { status: row.status, data: JSON.parse(row.response ?? "null") as unknown, replayed: true };
  }
  try {
    const result = await run();
    db().prepare("UPDATE idempotency SET status = ?, response = ? WHERE key = ?").run(result.status, JSON.stringify(result.data), id);
    return { ...result, replayed: false };
  } catch (err) {
    db().prepare("DELETE FROM idempotency WHERE key = ?").run(id); // a failed attempt may be retried
    throw err;
  }
}
