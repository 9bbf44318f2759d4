import "server-only";
import type { StoreKind } from "@/lib/server/store/schema";

/**
 * Versioned schema of Truss's own data, one SQL text per database. Append only: a shipped migration
 * is never edited (SQLite files from before Postgres support already recorded version 1).
 */
export interface Migration {
  version: number;
  sql: Record<StoreKind, string>;
}

// The two dialects differ only in these column types; the SQL text each one gets is unchanged.
const TYPES: Record<StoreKind, { serial: string; bigint: string }> = {
  sqlite: { serial: "INTEGER PRIMARY KEY AUTOINCREMENT", bigint: "INTEGER" },
  postgres: { serial: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", bigint: "BIGINT" },
};

const v1 = (t: { serial: string; bigint: string }) => `
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        key_type TEXT NOT NULL CHECK (key_type IN ('service_role','anon')),
        key_prefix TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        label TEXT NOT NULL,
        rate_limit INTEGER,
        created_at TEXT NOT NULL,
        created_by TEXT,
        last_used_at TEXT,
        revoked_at TEXT,
        revoked_by TEXT
      );
      CREATE TABLE audit_log (
        id ${t.serial},
        at TEXT NOT NULL,
        actor_type TEXT NOT NULL,
        actor_id TEXT,
        actor_label TEXT,
        action TEXT NOT NULL,
        target TEXT,
        ip TEXT,
        outcome TEXT NOT NULL,
        details TEXT
      );
      CREATE INDEX audit_log_target ON audit_log (target, id);
      CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
      CREATE INDEX audit_log_action ON audit_log (action, id);
      CREATE TABLE throttle (
        bucket TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        window_start ${t.bigint} NOT NULL
      );
      CREATE TABLE admins (identity_id TEXT PRIMARY KEY, added_at TEXT NOT NULL);
      CREATE TABLE setup_tokens (token_hash TEXT PRIMARY KEY, created_at TEXT NOT NULL, used_at TEXT);
      CREATE TABLE idempotency (
        key TEXT PRIMARY KEY,
        body_hash TEXT NOT NULL,
        status INTEGER,
        response TEXT,
        created_at ${t.bigint} NOT NULL
      );
    `;

const identityIndex = (serial: string) => `
      CREATE TABLE identity_index (
        seq ${serial},
        id TEXT NOT NULL UNIQUE,
        schema_id TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at TEXT NOT NULL,
        email_key TEXT NOT NULL,
        name_key TEXT NOT NULL,
        last_sign_in_key TEXT NOT NULL,
        is_admin INTEGER NOT NULL,
        verified INTEGER NOT NULL,
        search TEXT NOT NULL,
        doc TEXT NOT NULL,
        confirmed_at TEXT NOT NULL
      );
      CREATE INDEX identity_index_email ON identity_index (email_key, id);
      CREATE INDEX identity_index_name ON identity_index (name_key, id);
      CREATE INDEX identity_index_created ON identity_index (created_at, id);
      CREATE INDEX identity_index_sign_in ON identity_index (last_sign_in_key, id);
      CREATE INDEX identity_index_confirmed ON identity_index (confirmed_at);
      CREATE TABLE identity_providers (
        provider TEXT NOT NULL,
        identity_id TEXT NOT NULL,
        PRIMARY KEY (provider, identity_id)
      );
      CREATE INDEX identity_providers_identity ON identity_providers (identity_id);
      CREATE TABLE identity_counts (key TEXT PRIMARY KEY, n INTEGER NOT NULL);
      CREATE TABLE sign_ins (key TEXT PRIMARY KEY, identity_id TEXT NOT NULL, at TEXT NOT NULL, method TEXT NOT NULL);
      CREATE INDEX sign_ins_at ON sign_ins (at);
      CREATE TABLE index_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `;

const FILTER_INDEXES = `CREATE INDEX identity_index_admins ON identity_index (seq) WHERE is_admin = 1;
        CREATE INDEX identity_index_filters ON identity_index (state, schema_id, verified, is_admin);
        CREATE INDEX identity_index_schema ON identity_index (schema_id, state, verified, is_admin);`;

export const migrations: Migration[] = [
  { version: 1, sql: { sqlite: v1(TYPES.sqlite), postgres: v1(TYPES.postgres) } },
  {
    // Key lookup by hash on every /v1 request: an index instead of a scan.
    version: 2,
    sql: {
      sqlite: "CREATE UNIQUE INDEX api_keys_secret_hash ON api_keys (secret_hash);",
      postgres: "CREATE UNIQUE INDEX api_keys_secret_hash ON api_keys (secret_hash);",
    },
  },
  {
    // Leases that serialise changes across requests and instances (the last-admin guard).
    version: 3,
    sql: {
      sqlite: "CREATE TABLE locks (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL);",
      postgres: "CREATE TABLE locks (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at BIGINT NOT NULL);",
    },
  },
  {
    // One entry per item of a bulk action or import, each pointing at the request's entry (filter: ?parent=).
    version: 4,
    sql: {
      sqlite: `ALTER TABLE audit_log ADD COLUMN parent_id INTEGER;
        CREATE INDEX audit_log_parent ON audit_log (parent_id, id);`,
      postgres: `ALTER TABLE audit_log ADD COLUMN parent_id BIGINT;
        CREATE INDEX audit_log_parent ON audit_log (parent_id, id);`,
    },
  },
  {
    // The identity index (issue 14): one row per Kratos identity, kept true by Truss's writes, Kratos's web hooks and a
    // background reconciler, so lists sort, search and count without paging through Kratos. Counters hold exact figures
    // (totals, per state/schema/provider, sign-ups and sign-ins per day) so the overview reads a few rows at any size.
    version: 5,
    sql: {
      sqlite: `${identityIndex("INTEGER PRIMARY KEY AUTOINCREMENT")}
        CREATE VIRTUAL TABLE identity_fts USING fts5(search, tokenize = 'trigram case_sensitive 1');`,
      postgres: `${identityIndex("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")}
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX identity_index_search ON identity_index USING gin (search gin_trgm_ops);`,
    },
  },
  {
    // Filters that match few rows drive the list through their own index (query.ts, RARE_ROWS): admins by a partial
    // index, state and schema by a covering index that also answers combined-filter counts without reading rows.
    version: 6,
    sql: {
      sqlite: FILTER_INDEXES,
      postgres: FILTER_INDEXES,
    },
  },
];
