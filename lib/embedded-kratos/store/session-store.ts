import type { Database } from "better-sqlite3";
import type { SessionRecord } from "./types";

interface SessionRow {
  id: string;
  identity_id: string;
  token_hash: string;
  active: number;
  authenticated_at: string;
  issued_at: string;
  expires_at: string;
  aal: string;
  methods: string;
  devices: string;
  created_at: string;
  updated_at: string;
}

const toRecord = (r: SessionRow): SessionRecord => ({
  id: r.id,
  identityId: r.identity_id,
  tokenHash: r.token_hash,
  active: r.active === 1,
  authenticatedAt: r.authenticated_at,
  issuedAt: r.issued_at,
  expiresAt: r.expires_at,
  aal: r.aal,
  methods: JSON.parse(r.methods) as SessionRecord["methods"],
  devices: JSON.parse(r.devices) as SessionRecord["devices"],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** SQL for Kratos's `active` list filter, which looks at the columns only (not identity state). */
function activeClause(active: boolean | undefined, now: string, args: unknown[]): string {
  if (active === undefined) return "";
  args.push(now);
  return active ? "active=1 AND expires_at >= ?" : "(active=0 OR expires_at < ?)";
}

export interface SessionPageCursor {
  createdAt: string;
  id: string;
}

/** Session persistence; tokens are only ever seen as SHA-256 digests here. */
export class SessionStore {
  constructor(private readonly db: Database) {}

  insert(s: SessionRecord): void {
    this.db
      .prepare(
        `INSERT INTO sessions (id, identity_id, token_hash, active, authenticated_at, issued_at,
          expires_at, aal, methods, devices, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(
        s.id,
        s.identityId,
        s.tokenHash,
        s.active ? 1 : 0,
        s.authenticatedAt,
        s.issuedAt,
        s.expiresAt,
        s.aal,
        JSON.stringify(s.methods),
        JSON.stringify(s.devices),
        s.createdAt,
        s.updatedAt,
      );
  }

  get(id: string): SessionRecord | undefined {
    const row = this.db.prepare("SELECT * FROM sessions WHERE id=?").get(id) as SessionRow | undefined;
    return row && toRecord(row);
  }

  getByTokenHash(hash: string): SessionRecord | undefined {
    const row = this.db.prepare("SELECT * FROM sessions WHERE token_hash=?").get(hash) as SessionRow | undefined;
    return row && toRecord(row);
  }

  deactivate(id: string, now: string): boolean {
    return this.db.prepare("UPDATE sessions SET active=0, updated_at=? WHERE id=?").run(now, id).changes > 0;
  }

  setExpiry(id: string, expiresAt: string, now: string): void {
    this.db.prepare("UPDATE sessions SET expires_at=?, updated_at=? WHERE id=?").run(expiresAt, now, id);
  }

  /** Newest first, keyset on (created_at, id). */
  list(q: { limit: number; after?: SessionPageCursor; active?: boolean; now: string }): SessionRecord[] {
    const args: unknown[] = [];
    const where = [activeClause(q.active, q.now, args)].filter(Boolean);
    if (q.after) {
      where.push("(created_at, id) < (?, ?)");
      args.push(q.after.createdAt, q.after.id);
    }
    const sql = `SELECT * FROM sessions ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY created_at DESC, id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, q.limit) as SessionRow[]).map(toRecord);
  }

  listForIdentity(identityId: string, q: { limit: number; offset: number; active?: boolean; now: string }) {
    const args: unknown[] = [identityId];
    const clause = activeClause(q.active, q.now, args);
    const sql = `SELECT * FROM sessions WHERE identity_id=? ${clause ? `AND ${clause}` : ""}
      ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...args, q.limit, q.offset) as SessionRow[]).map(toRecord);
  }

  countForIdentity(identityId: string, active: boolean | undefined, now: string): number {
    const args: unknown[] = [identityId];
    const clause = activeClause(active, now, args);
    const sql = `SELECT COUNT(*) AS n FROM sessions WHERE identity_id=? ${clause ? `AND ${clause}` : ""}`;
    return (this.db.prepare(sql).get(...args) as { n: number }).n;
  }

  /** Hard delete, as DELETE /admin/identities/{id}/sessions does. */
  deleteForIdentity(identityId: string): number {
    return this.db.prepare("DELETE FROM sessions WHERE identity_id=?").run(identityId).changes;
  }
}
