import type { Database } from "better-sqlite3";
import { createHydrator, type IdentityRow } from "./identity-rows";
import type { IdentityRecord } from "./types";

export type IdentityFilter =
  | { kind: "ids"; ids: string[] }
  | { kind: "identifier"; normalized: string; raw: string }
  | { kind: "prefix"; prefix: string };

export interface ListIdentitiesQuery {
  limit: number;
  /** Keyset: return ids strictly greater than this. */
  afterId?: string;
  /** Legacy page pagination. */
  offset?: number;
  filter?: IdentityFilter;
}

/** The highest valid code point: every string starting with a prefix sorts below prefix+MAX. */
const MAX_CHAR = String.fromCodePoint(0x10ffff);

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

function prepareStatements(db: Database) {
  return {
    insert: db.prepare(`INSERT INTO identities (schema_id, state, state_changed_at, traits,
      metadata_public, metadata_admin, external_id, updated_at, id, created_at)
      VALUES (?,?,?,?,?,?,?,?,?,?)`),
    update: db.prepare(`UPDATE identities SET schema_id=?, state=?, state_changed_at=?, traits=?,
      metadata_public=?, metadata_admin=?, external_id=?, updated_at=? WHERE id=?`),
    delCreds: db.prepare("DELETE FROM credentials WHERE identity_id=?"),
    delAddrs: db.prepare("DELETE FROM addresses WHERE identity_id=?"),
    insCred: db.prepare(`INSERT INTO credentials (id, identity_id, type, config, version,
      created_at, updated_at) VALUES (?,?,?,?,?,?,?)`),
    insIdent: db.prepare(`INSERT INTO credential_identifiers (type, identifier, credential_id,
      identity_id, position) VALUES (?,?,?,?,?)`),
    insAddr: db.prepare(`INSERT INTO addresses (id, identity_id, kind, value, via, verified,
      status, verified_at, position, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`),
    get: db.prepare("SELECT * FROM identities WHERE id=?"),
    byExternal: db.prepare("SELECT * FROM identities WHERE external_id=?"),
    byIdentifier: db.prepare("SELECT identity_id FROM credential_identifiers WHERE type=? AND identifier=?"),
    delete: db.prepare("DELETE FROM identities WHERE id=?"),
    count: db.prepare("SELECT COUNT(*) AS n FROM identities"),
  };
}

/** Identity persistence. Statements are prepared once per database. */
export class IdentityStore {
  private readonly hydrate: (rows: IdentityRow[]) => IdentityRecord[];
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: Database) {
    this.hydrate = createHydrator(db);
    this.s = prepareStatements(db);
  }

  /** Inserts inside a savepoint: a constraint failure leaves no partial rows behind. */
  insert(rec: IdentityRecord): void {
    this.db.transaction(() => this.write(rec, "insert"))();
  }

  /** Inserts many identities in one transaction (seeding, benchmarks). */
  insertMany(recs: IdentityRecord[]): void {
    this.db.transaction(() => recs.forEach((r) => this.write(r, "insert")))();
  }

  /** Replaces the identity row and all of its children atomically. */
  update(rec: IdentityRecord): void {
    this.db.transaction(() => this.write(rec, "update"))();
  }

  delete(id: string): boolean {
    return this.s.delete.run(id).changes > 0;
  }

  get(id: string): IdentityRecord | undefined {
    const row = this.s.get.get(id) as IdentityRow | undefined;
    return row ? this.hydrate([row])[0] : undefined;
  }

  getByExternalId(externalId: string): IdentityRecord | undefined {
    const row = this.s.byExternal.get(externalId) as IdentityRow | undefined;
    return row ? this.hydrate([row])[0] : undefined;
  }

  /** The identity owning a credential identifier of the given type, if any. */
  findByIdentifier(type: string, identifier: string): IdentityRecord | undefined {
    const hit = this.s.byIdentifier.get(type, identifier) as { identity_id: string } | undefined;
    return hit ? this.get(hit.identity_id) : undefined;
  }

  /** The identity owning a recovery or verifiable address (values are stored normalised). */
  findByAddress(kind: "recovery" | "verifiable", value: string): IdentityRecord | undefined {
    const hit = this.db
      .prepare("SELECT identity_id FROM addresses WHERE kind=? AND value=? LIMIT 1")
      .get(kind, value) as { identity_id: string } | undefined;
    return hit ? this.get(hit.identity_id) : undefined;
  }

  count(): number {
    return (this.s.count.get() as { n: number }).n;
  }

  list(q: ListIdentitiesQuery): IdentityRecord[] {
    const where: string[] = [];
    const args: unknown[] = [];
    const f = q.filter;
    if (f?.kind === "ids") {
      where.push("id IN (SELECT value FROM json_each(?))");
      args.push(JSON.stringify(f.ids));
    } else if (f?.kind === "identifier") {
      where.push(`id IN (SELECT identity_id FROM credential_identifiers
        WHERE type IN ('password','webauthn','code') AND identifier=?
        UNION SELECT identity_id FROM credential_identifiers WHERE type IN ('oidc','saml') AND identifier=?)`);
      args.push(f.normalized, f.raw);
    } else if (f?.kind === "prefix") {
      where.push(`id IN (SELECT identity_id FROM credential_identifiers
        WHERE type='password' AND identifier >= ? AND identifier < ?)`);
      args.push(f.prefix, f.prefix + MAX_CHAR);
    }
    if (q.afterId !== undefined) {
      where.push("id > ?");
      args.push(q.afterId);
    }
    const sql = `SELECT * FROM identities ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY id LIMIT ? OFFSET ?`;
    const rows = this.db.prepare(sql).all(...args, q.limit, q.offset ?? 0) as IdentityRow[];
    return this.hydrate(rows);
  }

  private write(rec: IdentityRecord, mode: "insert" | "update"): void {
    const s = this.s;
    const values = [
      rec.schemaId,
      rec.state,
      rec.stateChangedAt,
      JSON.stringify(rec.traits ?? null),
      json(rec.metadataPublic),
      json(rec.metadataAdmin),
      rec.externalId,
      rec.updatedAt,
    ];
    if (mode === "insert") {
      s.insert.run(...values, rec.id, rec.createdAt);
    } else {
      s.update.run(...values, rec.id);
      s.delCreds.run(rec.id);
      s.delAddrs.run(rec.id);
    }
    for (const c of rec.credentials) {
      s.insCred.run(c.id, rec.id, c.type, JSON.stringify(c.config), c.version, c.createdAt, c.updatedAt);
      c.identifiers.forEach((ident, i) => s.insIdent.run(c.type, ident, c.id, rec.id, i));
    }
    rec.verifiableAddresses.forEach((a, i) =>
      s.insAddr.run(
        a.id,
        rec.id,
        "verifiable",
        a.value,
        a.via,
        a.verified ? 1 : 0,
        a.status,
        a.verifiedAt,
        i,
        a.createdAt,
        a.updatedAt,
      ),
    );
    rec.recoveryAddresses.forEach((a, i) =>
      s.insAddr.run(a.id, rec.id, "recovery", a.value, a.via, 0, null, null, i, a.createdAt, a.updatedAt),
    );
  }
}
