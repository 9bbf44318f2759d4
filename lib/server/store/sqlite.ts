import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrations } from "@/lib/server/store/migrations";

export type Db = Database.Database;

const holder = globalThis as { __trussStore?: Map<string, Db> };
const registry: Map<string, Db> = (holder.__trussStore ??= new Map<string, Db>());

/** Opens (once per process) Truss's own SQLite file in TRUSS_DATA_DIR and applies pending migrations. */
export function openStore(dataDir: string): Db {
  const file = path.join(dataDir, "truss.sqlite");
  const existing = registry.get(file);
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db);
  registry.set(file, db);
  return db;
}

function migrate(db: Db): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
  // IMMEDIATE takes the write lock first, so two processes starting together apply each migration once.
  db.transaction(() => {
    const done = new Set(
      (db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version),
    );
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(m.version, new Date().toISOString());
    }
  }).immediate();
}
