import "server-only";
import type { Generated, Kysely } from "kysely";
import type { KeyType } from "@/lib/schemas/api-key";
import type { AuditEntry } from "@/lib/schemas/audit";

/*
 * Row types of Truss's own tables, shared by the SQLite and Postgres stores. Times that people read are
 * ISO-8601 TEXT in both databases (they sort as strings and come back identical); counters and window
 * starts are epoch milliseconds (BIGINT on Postgres, read back as numbers).
 */
export interface ApiKeysTable {
  id: string;
  key_type: KeyType;
  key_prefix: string;
  secret_hash: string;
  label: string;
  rate_limit: number | null;
  created_at: string;
  created_by: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_type: AuditEntry["actor_type"];
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  outcome: AuditEntry["outcome"];
  details: string | null; // JSON text
  parent_id: number | null; // the bulk action or import this entry is one item of
}

export interface ThrottleTable {
  bucket: string;
  count: number;
  window_start: number;
}

export interface AdminsTable {
  identity_id: string;
  added_at: string;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface IdempotencyTable {
  key: string;
  body_hash: string;
  status: number | null;
  response: string | null;
  created_at: number;
}

export interface LocksTable {
  name: string;
  holder: string;
  expires_at: number;
}

/** One row per Kratos identity (see services/identity-index): sort keys, filters, search text and the DTO itself. */
export interface IdentityIndexTable {
  seq: Generated<number>;
  id: string;
  schema_id: string;
  state: string;
  created_at: string;
  email_key: string; // lower-cased first email, "" when none
  name_key: string; // lower-cased display name
  last_sign_in_key: string; // ISO time of the last sign-in, "" when never
  is_admin: number; // 0 | 1
  verified: number; // 1 when any verifiable address is verified
  search: string; // lower-cased identifiers, names, string traits and the id
  doc: string; // the Identity DTO as JSON: lists are served from here
  confirmed_at: string; // when Kratos last showed this row to be true (a write, a hook or a reconciler pass)
}

export interface IdentityProvidersTable {
  provider: string;
  identity_id: string;
}

export interface IdentityCountsTable {
  key: string; // "all", "state:active", "schema:<id>", "provider:<id>", "admin", "verified", "created:<day>", "signin:<day>:<method>"
  n: number;
}

export interface SignInsTable {
  key: string; // session id and authentication time: a retried hook or a session seen again counts once
  identity_id: string;
  at: string;
  method: string;
}

export interface IndexMetaTable {
  key: string;
  value: string;
}

/** SQLite only: FTS5 trigram index over identity_index.search (rowid = seq); Postgres uses pg_trgm on the column. */
export interface IdentityFtsTable {
  rowid: number;
  search: string;
}

export interface TrussTables {
  identity_fts: IdentityFtsTable;
  identity_index: IdentityIndexTable;
  identity_providers: IdentityProvidersTable;
  identity_counts: IdentityCountsTable;
  sign_ins: SignInsTable;
  index_meta: IndexMetaTable;
  locks: LocksTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  throttle: ThrottleTable;
  admins: AdminsTable;
  setup_tokens: SetupTokensTable;
  idempotency: IdempotencyTable;
}

export type StoreKind = "sqlite" | "postgres";

/** The one store interface: a Kysely handle over either database, plus how to let go of it. */
export interface Store {
  kind: StoreKind;
  db: Kysely<TrussTables>;
  close(): Promise<void>;
}
