import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { CourierStore } from "./courier-store";
import { FlowStore } from "./flow-store";
import { IdentityStore } from "./identity-store";
import { SCHEMA_SQL } from "./schema";
import { SelfServiceStore } from "./selfservice-store";
import { SessionStore } from "./session-store";

/** The SQLite-backed store: one connection, WAL, foreign keys, schema applied on open. */
export interface Store {
  identities: IdentityStore;
  sessions: SessionStore;
  flows: FlowStore;
  selfService: SelfServiceStore;
  courier: CourierStore;
  /** Runs fn in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T;
  close(): void;
  /** Readiness probe: true when the database answers. */
  ping(): boolean;
  /** The file path, or ":memory:". */
  file: string;
}

export function openStore(file: string): Store {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.exec(SCHEMA_SQL);
  return {
    identities: new IdentityStore(db),
    sessions: new SessionStore(db),
    flows: new FlowStore(db),
    selfService: new SelfServiceStore(db),
    courier: new CourierStore(db),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    close: () => db.close(),
    ping: () => {
      try {
        return db.prepare("SELECT 1 AS ok").get() !== undefined;
      } catch {
        return false;
      }
    },
    file,
  };
}
