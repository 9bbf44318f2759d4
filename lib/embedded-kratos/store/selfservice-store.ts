import type { Database } from "better-sqlite3";
import type { SelfServiceFlowRecord, VerificationCodeRecord } from "./selfservice-types";
import type { RecoveryTokenRecord } from "./types";

/** Self-service flows (one JSON document each), verification codes and stored flow errors. */
export class SelfServiceStore {
  constructor(private readonly db: Database) {}

  saveFlow(f: SelfServiceFlowRecord): void {
    this.db
      .prepare(
        `INSERT INTO selfservice_flows (id, kind, data, expires_at, created_at) VALUES (?,?,?,?,?)
         ON CONFLICT(id) DO UPDATE SET data=excluded.data`,
      )
      .run(f.id, f.kind, JSON.stringify(f), f.expiresAt, f.createdAt);
  }

  getFlow(id: string, kind: SelfServiceFlowRecord["kind"]): SelfServiceFlowRecord | undefined {
    const row = this.db.prepare("SELECT data FROM selfservice_flows WHERE id=? AND kind=?").get(id, kind) as
      { data: string } | undefined;
    return row && (JSON.parse(row.data) as SelfServiceFlowRecord);
  }

  /** Drops flows that expired before `cutoff`. */
  pruneFlows(cutoff: string): void {
    this.db.prepare("DELETE FROM selfservice_flows WHERE expires_at < ?").run(cutoff);
  }

  insertVerificationCode(v: VerificationCodeRecord): void {
    this.db
      .prepare(
        `INSERT INTO verification_codes (id, identity_id, address, code_hash, flow_id, expires_at, created_at)
         VALUES (?,?,?,?,?,?,?)`,
      )
      .run(v.id, v.identityId, v.address, v.codeHash, v.flowId, v.expiresAt, v.createdAt);
  }

  /** Marks the flow's unused, unexpired code with this hash as used and returns it (single use). */
  useVerificationCode(flowId: string, codeHash: string, now: string): VerificationCodeRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT id, identity_id AS identityId, address, code_hash AS codeHash, flow_id AS flowId,
          expires_at AS expiresAt, created_at AS createdAt FROM verification_codes
         WHERE flow_id=? AND code_hash=? AND used_at IS NULL AND expires_at > ?`,
      )
      .get(flowId, codeHash, now) as VerificationCodeRecord | undefined;
    if (row) this.db.prepare("UPDATE verification_codes SET used_at=? WHERE id=?").run(now, row.id);
    return row;
  }

  /** The same for recovery codes and link tokens. */
  useRecoveryToken(
    kind: "code" | "link",
    codeHash: string,
    now: string,
    flowId?: string,
  ): RecoveryTokenRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT id, identity_id AS identityId, kind, token_hash AS tokenHash, flow_id AS flowId,
          expires_at AS expiresAt, created_at AS createdAt FROM recovery_tokens
         WHERE kind=? AND token_hash=? AND used_at IS NULL AND expires_at > ? ${flowId ? "AND flow_id=?" : ""}`,
      )
      .get(kind, codeHash, now, ...(flowId ? [flowId] : [])) as RecoveryTokenRecord | undefined;
    if (row) this.db.prepare("UPDATE recovery_tokens SET used_at=? WHERE id=?").run(now, row.id);
    return row;
  }

  /** Any token of this kind and hash, used or not (to tell "used/expired" from "unknown"). */
  hasRecoveryToken(kind: "code" | "link", codeHash: string): boolean {
    return (
      this.db.prepare("SELECT 1 FROM recovery_tokens WHERE kind=? AND token_hash=?").get(kind, codeHash) !== undefined
    );
  }

  /** Browser logout tokens (ory_lo_…), stored hashed, pointing at the session they end. */
  insertLogoutToken(tokenHash: string, sessionId: string, createdAt: string): void {
    this.db
      .prepare("INSERT INTO logout_tokens (token_hash, session_id, created_at) VALUES (?,?,?)")
      .run(tokenHash, sessionId, createdAt);
  }

  takeLogoutToken(tokenHash: string): string | undefined {
    const row = this.db.prepare("SELECT session_id FROM logout_tokens WHERE token_hash=?").get(tokenHash) as
      { session_id: string } | undefined;
    if (row) this.db.prepare("DELETE FROM logout_tokens WHERE token_hash=?").run(tokenHash);
    return row?.session_id;
  }

  saveError(id: string, error: unknown, createdAt: string): void {
    this.db
      .prepare("INSERT INTO self_service_errors (id, data, created_at) VALUES (?,?,?)")
      .run(id, JSON.stringify(error), createdAt);
  }

  getError(id: string): { error: unknown; createdAt: string } | undefined {
    const row = this.db.prepare("SELECT data, created_at FROM self_service_errors WHERE id=?").get(id) as
      { data: string; created_at: string } | undefined;
    return row && { error: JSON.parse(row.data) as unknown, createdAt: row.created_at };
  }
}
