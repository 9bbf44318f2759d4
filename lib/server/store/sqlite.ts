import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { migrate } from "@/lib/server/store/migrate";
import type { Store, TrussTables } from "@/lib/server/store/schema";

// Stores opening the same file in this process take turns: BEGIN IMMEDIATE's busy wait blocks the event loop, so
// two of them inside one process would wait on each other. Other processes wait on the file lock itself.
const holder = globalThis as { __trussSqliteMigrations?: Map<string, Promise<unknown>> };
const turns: Map<string, Promise<unknown>> = (holder.__trussSqliteMigrations ??= new Map<string, Promise<unknown>>());

async function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const before = turns.get(key) ?? Promise.resolve();
  const run = before.then(fn, fn);
  turns.set(
    key,
    run.catch(() => undefined),
  );
  return run;
}

/** Truss's own SQLite file in TRUSS_DATA_DIR (the default: one instance, nothing else to run). */
export async function openSqliteStore(dataDir: string): Promise<Store> {
  fs.mkdirSync(dataDir, { recursive: true });
  const where = path.join(dataDir, "truss.sqlite");
  const file = new Database(where);
  file.pragma("journal_mode = WAL");
  file.pragma("busy_timeout = 5000");
  file.pragma("foreign_keys = ON");
  const db = new Kysely<TrussTables>({ dialect: new SqliteDialect({ database: file }) });
  // BEGIN IMMEDIATE takes the write lock first, so processes starting together apply each migration once.
  await oneAtATime(where, async () => {
    file.exec("BEGIN IMMEDIATE");
    try {
      await migrate(db as unknown as Kysely<unknown>, "sqlite");
      file.exec("COMMIT");
    } catch (err) {
      if (file.inTransaction) file.exec("ROLLBACK");
      throw err;
    }
  });
  return { kind: "sqlite", db, close: () => db.destroy() };
}
