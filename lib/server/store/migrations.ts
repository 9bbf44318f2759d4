import "server-only";

/** Versioned schema of Truss's own data. Append only: a shipped migration is never edited. */
export const migrations: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
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
        id INTEGER PRIMARY KEY AUTOINCREMENT,
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
        window_start INTEGER NOT NULL
      );
      CREATE TABLE admins (identity_id TEXT PRIMARY KEY, added_at TEXT NOT NULL);
      CREATE TABLE setup_tokens (token_hash TEXT PRIMARY KEY, created_at TEXT NOT NULL, used_at TEXT);
      CREATE TABLE idempotency (
        key TEXT PRIMARY KEY,
        body_hash TEXT NOT NULL,
        status INTEGER,
        response TEXT,
        created_at INTEGER NOT NULL
      );
    `,
  },
];
