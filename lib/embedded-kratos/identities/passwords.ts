import { hashPassword } from "../crypto/passwords";
import type { PreparedIdentity } from "./import";

/**
 * Hashes every pending plaintext password concurrently. @node-rs/bcrypt runs each hash on the
 * libuv threadpool, so a batch uses all cores instead of hashing serially as Kratos does.
 */
export async function hashPendingPasswords(items: PreparedIdentity[], cost: number): Promise<void> {
  await Promise.all(
    items.map(async (item) => {
      if (item.plaintextPassword === undefined) return;
      const hashed = await hashPassword(item.plaintextPassword, cost);
      const cred = item.record.credentials.find((c) => c.type === "password");
      if (cred) cred.config = { hashed_password: hashed };
      delete item.plaintextPassword;
    }),
  );
}
