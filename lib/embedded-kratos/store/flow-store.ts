import type { Database } from "better-sqlite3";
import type { LoginFlowRecord, RecoveryTokenRecord } from "./types";

/** Login flows (stored as one JSON document) and recovery tokens (hashed). */
export class FlowStore {
  constructor(private readonly db: Database) {}

  saveLoginFlow(f: LoginFlowRecord): void {
    this.db
      .prepare(
        `INSERT INTO login_flows (id, data, expires_at, created_at) VALUES (?,?,?,?)
         ON CONFLICT(id) DO UPDATE SET data=excluded.data`,
      )
      .run(f.id, JSON.stringify(f), f.expiresAt, f.createdAt);
  }

  getLoginFlow(id: string): LoginFlowRecord | undefined {
    const row = this.db.prepare("SELECT data FROM login_flows WHERE id=?").get(id) as { data: string } | undefined;
    return row && (JSON.parse(row.data) as LoginFlowRecord);
  }

  /** Drops flows that expired before `cutoff`, so the table does not grow without bound. */
  pruneLoginFlows(cutoff: string): void {
    this.db.prepare("DELETE FROM login_flows WHERE expires_at < ?").run(cutoff);
  }

  insertRecoveryToken(t: RecoveryTokenRecord): void {
    this.db
      .prepare(
        `INSERT INTO recovery_tokens (id, identity_id, kind, token_hash, flow_id, expires_at, created_at)
         VALUES (?,?,?,?,?,?,?)`,
      )
      .run(t.id, t.identityId, t.kind, t.tokenHash, t.flowId, t.expiresAt, t.createdAt);
  }

  listRecoveryTokens(identityId: string): RecoveryTokenRecord[] {
    const rows = this.db
      .prepare(
        `SELECT id, identity_id AS identityId, kind, token_hash AS tokenHash, flow_id AS flowId,
          expires_at AS expiresAt, created_at AS createdAt FROM recovery_tokens WHERE identity_id=?`,
      )
      .all(identityId);
    return rows as RecoveryTokenRecord[];
  }
}
