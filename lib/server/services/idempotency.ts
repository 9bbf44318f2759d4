import "server-only";
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/server/http/errors";
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
  const q = await db();
  await q
    .deleteFrom("idempotency")
    .where("created_at", "<", now - TTL_MS)
    .execute();
  // Claiming is one INSERT … ON CONFLICT DO NOTHING: with several instances exactly one runs the request.
  const claimed = await q
    .insertInto("idempotency")
    .values({ key: id, body_hash: bodyHash, status: null, response: null, created_at: now })
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  if (claimed.numInsertedOrUpdatedRows !== 1n) {
    const row = await q
      .selectFrom("idempotency")
      .select(["body_hash", "status", "response"])
      .where("key", "=", id)
      .executeTakeFirst();
    if (row && row.body_hash !== bodyHash)
      throw new ApiError("unprocessable", "This Idempotency-Key was used with a different body.");
    if (!row || row.status === null)
      throw new ApiError("conflict", "A request with this Idempotency-Key is still running.");
    return { status: row.status, data: JSON.parse(row.response ?? "null") as unknown, replayed: true };
  }
  try {
    const result = await run();
    await q
      .updateTable("idempotency")
      .set({ status: result.status, response: JSON.stringify(result.data) })
      .where("key", "=", id)
      .execute();
    return { ...result, replayed: false };
  } catch (err) {
    await q.deleteFrom("idempotency").where("key", "=", id).execute(); // a failed attempt may be retried
    throw err;
  }
}
