import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { migrations } from "@/lib/server/store/migrations";
import type { Store, TrussTables } from "@/lib/server/store/schema";

/** Truss's own SQLite file in TRUSS_DATA_DIR (the default: one instance, nothing else to run). */
export function openSqliteStore(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = new Database(path.join(dataDir, "truss.sqlite"));
  file.pragma("journal_mode = WAL");
  file.pragma("busy_timeout = 5000");
  file.pragma("foreign_keys = ON");
  migrateSqlite(file);
  const db = new Kysely<TrussTables>({ dialect: new SqliteDialect({ database: file }) });
  return { kind: "sqlite", db, close: () => db.destroy() };
}

function migrateSqlite(file: Database.Database): void {
  file.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
  // BEGIN IMMEDIATE takes the write lock first, so two processes starting together apply each migration once.
  file
    .transaction(() => {
      const rows = file.prepare("SELECT version FROM schema_migrations").all() as { version: number }[];
      const done = new Set(rows.map((r) => r.version));
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        file.exec(m.sql.sqlite);
        file
          .prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)")
          .run(m.version, new Date().toISOString());
      }
    })
    .immediate();
}
