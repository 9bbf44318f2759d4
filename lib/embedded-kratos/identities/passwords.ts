import { hashPassword } from "../crypto/passwords";
import type { PreparedIdentity } from "./import";

/*
 * Batch hashing shares the libuv threadpool with sign-ins (bcrypt verify). The pool's queue is first in, first out:
 * queueing a whole batch at once put every login behind it (an import of 100 starved sign-ins for ~55 s). So a batch
 * keeps at most poolSize - 1 hashes in flight, and a sign-in always finds a thread free.
 */
const POOL = Math.max(2, Number(process.env.UV_THREADPOOL_SIZE) || 4);
const IMPORT_SLOTS = POOL - 1;
let inFlight = 0;
const waiting: (() => void)[] = [];

async function withImportSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (inFlight >= IMPORT_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight++;
  try {
    return await fn();
  } finally {
    inFlight--;
    waiting.shift()?.();
  }
}

/** Hashes every pending plaintext password, several at a time (all cores), never all of the pool. */
export async function hashPendingPasswords(items: PreparedIdentity[], cost: number): Promise<void> {
  await Promise.all(
    items.map((item) =>
      withImportSlot(async () => {
        if (item.plaintextPassword === undefined) return;
        const hashed = await hashPassword(item.plaintextPassword, cost);
        const cred = item.record.credentials.find((c) => c.type === "password");
        if (cred) cred.config = { hashed_password: hashed };
        delete item.plaintextPassword;
      }),
    ),
  );
}
