import "server-only";
import { env } from "@/lib/server/env";
import { openStore, type Db } from "@/lib/server/store/sqlite";

/** Truss's own store (API keys, audit, throttling, admins, setup token, idempotency). */
export function db(): Db {
  return openStore(env().TRUSS_DATA_DIR);
}
