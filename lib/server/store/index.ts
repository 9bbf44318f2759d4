import "server-only";
import type { Kysely } from "kysely";
import { env } from "@/lib/server/env";
import { openPostgresStore } from "@/lib/server/store/postgres";
import type { Store, TrussTables } from "@/lib/server/store/schema";
import { openSqliteStore } from "@/lib/server/store/sqlite";

export type { Store, TrussTables } from "@/lib/server/store/schema";

// One store per process and location; on globalThis so Next's dev reloads do not open a new pool each time.
const holder = globalThis as { __trussStores?: Map<string, Promise<Store>> };
const registry: Map<string, Promise<Store>> = (holder.__trussStores ??= new Map<string, Promise<Store>>());

/** Opens (and migrates) the store: Postgres when DATABASE_URL is set, else SQLite under TRUSS_DATA_DIR. */
export function openStore(config: { databaseUrl?: string; dataDir: string }): Promise<Store> {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl) : openSqliteStore(config.dataDir);
}

/** Truss's own store for this process (API keys, audit, throttling, admins, setup token, idempotency). */
export function store(): Promise<Store> {
  const { DATABASE_URL, TRUSS_DATA_DIR } = env();
  const where = DATABASE_URL ?? `sqlite:${TRUSS_DATA_DIR}`;
  let opened = registry.get(where);
  if (!opened) {
    opened = openStore({ databaseUrl: DATABASE_URL, dataDir: TRUSS_DATA_DIR });
    registry.set(where, opened);
    opened.catch(() => registry.delete(where)); // a failed start (database down) is retried on the next call
  }
  return opened;
}

/** The query builder over whichever database is configured. */
export async function db(): Promise<Kysely<TrussTables>> {
  return (await store()).db;
}

/** Closes every store this process opened (CLI scripts and tests; a pg pool would keep Node alive). */
export async function closeStores(): Promise<void> {
  const all = [...registry.values()];
  registry.clear();
  await Promise.all(all.map(async (s) => (await s.catch(() => null))?.close()));
}
