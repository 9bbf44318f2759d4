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

export interface TrussTables {
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
