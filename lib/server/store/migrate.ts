import "server-only";
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import { migrations } from "@/lib/server/store/migrations";
import type { StoreKind } from "@/lib/server/store/schema";

/** Migration names: zero-padded versions, so Kysely's name order is the version order. */
export const migrationName = (version: number) => String(version).padStart(4, "0");

// One statement per query: the drivers (better-sqlite3's prepare, pg's extended protocol) take one at a time.
const statements = (text: string) =>
  text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

function provider(kind: StoreKind): MigrationProvider {
  return {
    getMigrations: async () =>
      Object.fromEntries(
        migrations.map((m): [string, Migration] => [
          migrationName(m.version),
          {
            up: async (db) => {
              for (const s of statements(m.sql[kind])) await sql.raw(s).execute(db);
            },
          },
        ]),
      ),
  };
}

/**
 * Stores created before Kysely's Migrator recorded versions in schema_migrations: copy them into Kysely's table
 * (same names), so an upgraded store applies only what is missing. Call under the caller's migration lock.
 */
async function adoptLegacyVersions(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS kysely_migration (name VARCHAR(255) NOT NULL PRIMARY KEY, timestamp VARCHAR(255) NOT NULL)`.execute(
    db,
  );
  const legacy = await sql<{
    n: number;
  }>`SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'schema_migrations'`
    .execute(db)
    .then((r) => Number(r.rows[0]?.n ?? 0))
    .catch(async () =>
      Number(
        (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'schema_migrations'`.execute(db))
          .rows[0]?.n ?? 0,
      ),
    );
  if (!legacy) return;
  const rows = await sql<{
    version: number;
    applied_at: string;
  }>`SELECT version, applied_at FROM schema_migrations`.execute(db);
  for (const r of rows.rows)
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${migrationName(Number(r.version))}, ${r.applied_at}) ON CONFLICT (name) DO NOTHING`.execute(
      db,
    );
  await sql`DROP TABLE schema_migrations`.execute(db);
}

/**
 * Brings the store to the latest version with Kysely's Migrator. The caller holds the lock that makes instances
 * starting together take turns (SQLite: BEGIN IMMEDIATE on the connection; Postgres: an advisory lock), and
 * runs this inside it, so the Migrator's own transactions are off.
 */
export async function migrate(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  await adoptLegacyVersions(db);
  const { error, results } = await new Migrator({
    db,
    provider: provider(kind),
    disableTransactions: kind === "sqlite",
  }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "?";
    throw new Error(
      `Truss store migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
}
