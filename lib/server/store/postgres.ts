import "server-only";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { migrate } from "@/lib/server/store/migrate";
import type { Store, TrussTables } from "@/lib/server/store/schema";

// Arbitrary constant naming "Truss migrations" for pg_advisory_lock; any instance migrating holds it.
const MIGRATION_LOCK = 7_315_220_811;

/** BIGINT (epoch ms, audit ids, counts) as numbers for this pool only; all our values stay below 2^53. */
function bigintAsNumber(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
  return types;
}

/**
 * Postgres for several Truss instances: every read goes to the database (no cache), so a key revoked
 * on one instance is refused by the others on their next request.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types: bigintAsNumber(),
  });
  pool.on("error", (err) => console.error("[truss] postgres pool error:", err.message)); // idle client died; the pool replaces it
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const db = new Kysely<TrussTables>({ dialect: new PostgresDialect({ pool }) });
  // Kysely ends the pool only if it ever ran a query, so end it here too.
  const close = async () => {
    await db.destroy();
    if (!pool.ending) await pool.end();
  };
  return { kind: "postgres", db, close };
}

async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    // Session-level lock: instances starting together wait here and then find nothing left to do.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(db, "postgres");
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
