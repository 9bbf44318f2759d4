/**
 * Tables and indexes. Kept as a TS string (not schema.sql) so the server works when bundled.
 * Keyset pages walk the identities primary key; prefix search is a range scan on the
 * (type, identifier) primary key of credential_identifiers, so both stay flat at 100k rows.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS identities (
  id TEXT PRIMARY KEY NOT NULL,
  schema_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('active', 'inactive')),
  state_changed_at TEXT,
  traits TEXT NOT NULL,
  metadata_public TEXT,
  metadata_admin TEXT,
  external_id TEXT UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS credentials (
  id TEXT PRIMARY KEY NOT NULL,
  identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  config TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (identity_id, type)
);

CREATE TABLE IF NOT EXISTS credential_identifiers (
  type TEXT NOT NULL,
  identifier TEXT NOT NULL,
  credential_id TEXT NOT NULL REFERENCES credentials(id) ON DELETE CASCADE,
  identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (type, identifier)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS credential_identifiers_identity ON credential_identifiers(identity_id);
CREATE INDEX IF NOT EXISTS credential_identifiers_credential ON credential_identifiers(credential_id);

CREATE TABLE IF NOT EXISTS addresses (
  id TEXT PRIMARY KEY NOT NULL,
  identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('verifiable', 'recovery')),
  value TEXT NOT NULL,
  via TEXT NOT NULL,
  verified INTEGER NOT NULL DEFAULT 0,
  status TEXT,
  verified_at TEXT,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (kind, via, value)
);
CREATE INDEX IF NOT EXISTS addresses_identity ON addresses(identity_id);

CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY NOT NULL,
  identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL,
  authenticated_at TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  aal TEXT NOT NULL,
  methods TEXT NOT NULL,
  devices TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_identity ON sessions(identity_id, created_at);
CREATE INDEX IF NOT EXISTS sessions_created ON sessions(created_at, id);

CREATE TABLE IF NOT EXISTS login_flows (
  id TEXT PRIMARY KEY NOT NULL,
  data TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS recovery_tokens (
  id TEXT PRIMARY KEY NOT NULL,
  identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('code', 'link')),
  token_hash TEXT NOT NULL,
  flow_id TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX IF NOT EXISTS recovery_tokens_identity ON recovery_tokens(identity_id);
CREATE INDEX IF NOT EXISTS recovery_tokens_flow ON recovery_tokens(flow_id);

CREATE TABLE IF NOT EXISTS selfservice_flows (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL,
  data TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS selfservice_flows_expires ON selfservice_flows(expires_at);

CREATE TABLE IF NOT EXISTS verification_codes (
  id TEXT PRIMARY KEY NOT NULL,
  identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
  address TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  flow_id TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX IF NOT EXISTS verification_codes_flow ON verification_codes(flow_id);

CREATE TABLE IF NOT EXISTS self_service_errors (
  id TEXT PRIMARY KEY NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS logout_tokens (
  token_hash TEXT PRIMARY KEY NOT NULL,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS courier_messages (
  id TEXT PRIMARY KEY NOT NULL,
  status TEXT NOT NULL,
  type TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  template_type TEXT NOT NULL,
  channel TEXT NOT NULL,
  send_count INTEGER NOT NULL DEFAULT 0,
  dispatches TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS courier_messages_created ON courier_messages(created_at, id);
CREATE INDEX IF NOT EXISTS courier_messages_recipient ON courier_messages(recipient, created_at);
`;
