import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/server/http/errors";
import { db } from "@/lib/server/store";

/**
 * Runs fn while holding a named lease in Truss's store, so check-then-act sequences are serialised across
 * concurrent requests and across instances sharing one database. A crashed holder's lease expires.
 */
export async function withStoreLock<T>(
  name: string,
  fn: () => Promise<T>,
  leaseMs = 30_000,
  waitMs = 15_000,
): Promise<T> {
  const q = await db();
  const holder = randomUUID();
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const now = Date.now();
    const res = await q
      .insertInto("locks")
      .values({ name, holder, expires_at: now + leaseMs })
      .onConflict((oc) =>
        oc
          .column("name")
          .doUpdateSet({ holder, expires_at: now + leaseMs })
          .where("locks.expires_at", "<", now),
      )
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0n) > 0) break;
    if (Date.now() > deadline)
      throw new ApiError("conflict", "Another admin change is in progress. Try again in a moment.");
    await new Promise((r) => setTimeout(r, Math.min(200, 20 + attempt * 20))); // back off while the holder works
  }
  try {
    return await fn();
  } finally {
    await q.deleteFrom("locks").where("name", "=", name).where("holder", "=", holder).execute();
  }
}
