import type { Database } from "better-sqlite3";
import type {
  CredentialRecord,
  IdentityRecord,
  IdentityState,
  RecoveryAddressRecord,
  VerifiableAddressRecord,
} from "./types";

/** Raw row shapes; only this file and identity-store.ts see them. */
export interface IdentityRow {
  id: string;
  schema_id: string;
  state: string;
  state_changed_at: string | null;
  traits: string;
  metadata_public: string | null;
  metadata_admin: string | null;
  external_id: string | null;
  created_at: string;
  updated_at: string;
}
interface CredentialRow {
  id: string;
  identity_id: string;
  type: string;
  config: string;
  version: number;
  created_at: string;
  updated_at: string;
}
interface IdentifierRow {
  credential_id: string;
  identifier: string;
}
interface AddressRow {
  id: string;
  identity_id: string;
  kind: string;
  value: string;
  via: string;
  verified: number;
  status: string | null;
  verified_at: string | null;
  created_at: string;
  updated_at: string;
}

const parseNullable = (s: string | null): unknown => (s === null ? null : (JSON.parse(s) as unknown));

/** Loads credentials, identifiers and addresses for many identities with one query each. */
export function createHydrator(db: Database): (rows: IdentityRow[]) => IdentityRecord[] {
  const inIds = "identity_id IN (SELECT value FROM json_each(?))";
  const credsStmt = db.prepare<[string], CredentialRow>(`SELECT * FROM credentials WHERE ${inIds} ORDER BY type`);
  const identsStmt = db.prepare<[string], IdentifierRow>(
    `SELECT credential_id, identifier FROM credential_identifiers WHERE ${inIds} ORDER BY position`,
  );
  const addrsStmt = db.prepare<[string], AddressRow>(`SELECT * FROM addresses WHERE ${inIds} ORDER BY position`);
  return (rows) => {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    return assemble(rows, credsStmt.all(ids), identsStmt.all(ids), addrsStmt.all(ids));
  };
}

function assemble(
  rows: IdentityRow[],
  creds: CredentialRow[],
  idents: IdentifierRow[],
  addrs: AddressRow[],
): IdentityRecord[] {
  const identsByCred = groupBy(idents, (r) => r.credential_id);
  const credsById = groupBy(creds, (r) => r.identity_id);
  const addrsById = groupBy(addrs, (r) => r.identity_id);
  return rows.map((r) => ({
    id: r.id,
    schemaId: r.schema_id,
    state: r.state as IdentityState,
    stateChangedAt: r.state_changed_at,
    traits: JSON.parse(r.traits) as unknown,
    metadataPublic: parseNullable(r.metadata_public),
    metadataAdmin: parseNullable(r.metadata_admin),
    externalId: r.external_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    credentials: (credsById.get(r.id) ?? []).map((c): CredentialRecord => ({
      id: c.id,
      type: c.type,
      identifiers: (identsByCred.get(c.id) ?? []).map((i) => i.identifier),
      config: JSON.parse(c.config) as Record<string, unknown>,
      version: c.version,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    })),
    verifiableAddresses: (addrsById.get(r.id) ?? [])
      .filter((a) => a.kind === "verifiable")
      .map((a): VerifiableAddressRecord => ({
        id: a.id,
        value: a.value,
        via: a.via,
        verified: a.verified === 1,
        status: a.status ?? "pending",
        verifiedAt: a.verified_at,
        createdAt: a.created_at,
        updatedAt: a.updated_at,
      })),
    recoveryAddresses: (addrsById.get(r.id) ?? [])
      .filter((a) => a.kind === "recovery")
      .map((a): RecoveryAddressRecord => ({
        id: a.id,
        value: a.value,
        via: a.via,
        createdAt: a.created_at,
        updatedAt: a.updated_at,
      })),
  }));
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
