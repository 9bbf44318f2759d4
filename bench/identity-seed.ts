// Seeds Truss's identity index directly (not through Kratos): `tsx --conditions=react-server --tsconfig tsconfig.json
// bench/identity-seed.ts <dataDir> <count>`. It runs under react-server conditions so it can use the server's own code:
// the store's migrations, Kratos → DTO mapping (toIdentity with the default schema) and the index's row and counter
// functions (toIndexRow, providersOf, counterKeys), so every row is what putIndexed would have written. Rows, FTS5
// trigram entries, provider links and sign-ins go in with prepared statements in big transactions; the counters are
// added once at the end. Deterministic: identity i is the same at every size. Prints one JSON summary on stdout.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Identity as KratosIdentity } from "@ory/client";
import { describeSchema } from "@/lib/identity-schema";
import schemaJson from "@/lib/embedded-kratos/identity.schema.json";
import { identitySchema } from "@/lib/schemas/identity";
import { toIdentity } from "@/lib/server/kratos/mappers";
import { counterKeys, providersOf, toIndexRow } from "@/lib/server/services/identity-index/rows";
import { openSqliteStore } from "@/lib/server/store/sqlite";

/** Twenty identities (all among the first 1,000) carry this surname: a search whose match count is the same at any size. */
const RARE_SURNAME = "Zwygart";
const RARE = (i: number) => i < 1000 && i % 50 === 7;

// Small word lists, so name fragments repeat the way real names do.
const FIRST = (
  "anna maria james john robert michael william david richard joseph thomas charles mary patricia jennifer linda " +
  "elizabeth barbara susan jessica sarah karen lisa nancy betty sandra ashley emily donna michelle carol amanda " +
  "melissa deborah laura olivia emma sophia lucas noah liam mateo hugo leo chloe lea manon ines yuki hana kenji " +
  "aiko wei li fatima omar ali priya arjun raj sven ingrid lars nina paolo giulia marco chiara"
).split(" ");
const LAST = (
  "smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson " +
  "anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson " +
  "walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell " +
  "mitchell carter roberts muller schmidt schneider fischer weber meyer wagner becker dubois moreau laurent " +
  "bernard rossi russo ferrari esposito bianchi tanaka suzuki takahashi watanabe kim park chen wang singh patel"
).split(" ");
const DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "acme.io", "example.org"];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** mulberry32: a small deterministic PRNG, one stream per identity. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(r: () => number): string {
  const h = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  h[12] = "4";
  h[16] = "89ab"[Math.floor(r() * 4)]!;
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const DAY = 86_400_000;

interface Seeded {
  kratos: KratosIdentity;
  lastSignIn: string;
  signInMethod: string;
  sessionId: string;
}

/** Identity i as Kratos would show it: created over 2 years, ~5% inactive, ~1% social, ~60% with a sign-in. */
function identityAt(i: number, now: number): Seeded {
  const r = rng(i * 2654435761 + 0x5eed);
  const id = uuid(r);
  const first = FIRST[Math.floor(r() * FIRST.length)]!;
  const last = RARE(i) ? RARE_SURNAME.toLowerCase() : LAST[Math.floor(r() * LAST.length)]!;
  const email = `${first}.${last}${i}@${DOMAINS[Math.floor(r() * DOMAINS.length)]!}`;
  const created = now - Math.floor(r() * 730 * DAY);
  const updated = created + Math.floor(r() * (now - created));
  const inactive = r() < 0.05;
  const social = r() < 0.01;
  const provider = r() < 0.7 ? "google" : "github";
  const verified = social || r() < 0.7;
  const signedIn = r() < 0.6;
  const signInAt = Math.max(created, now - Math.floor(r() * 90 * DAY));
  const plan = r();
  const iso = (t: number) => new Date(t).toISOString();
  const kratos: KratosIdentity = {
    id,
    schema_id: "default",
    schema_url: "http://127.0.0.1:4433/schemas/ZGVmYXVsdA",
    state: inactive ? "inactive" : "active",
    state_changed_at: iso(inactive ? updated : created),
    traits: { email, name: { first: cap(first), last: cap(last) } },
    metadata_public: plan < 0.2 ? { plan: plan < 0.05 ? "enterprise" : "pro", seats: Math.ceil(plan * 50) } : null,
    metadata_admin: i < 1000 && i % 400 === 3 ? { truss_role: "admin" } : null,
    credentials: social
      ? {
          oidc: {
            type: "oidc",
            identifiers: [`${provider}:${String(100000000000 + Math.floor(r() * 899999999999))}`],
            version: 0,
          },
        }
      : { password: { type: "password", identifiers: [email], config: { hashed_password: "x" }, version: 0 } },
    verifiable_addresses: [
      {
        id: uuid(r),
        value: email,
        via: "email",
        verified,
        status: verified ? "completed" : "sent",
        ...(verified ? { verified_at: iso(created + 3_600_000) } : {}),
        created_at: iso(created),
        updated_at: iso(verified ? created + 3_600_000 : created),
      },
    ],
    recovery_addresses: [
      { id: uuid(r), value: email, via: "email", created_at: iso(created), updated_at: iso(created) },
    ],
    created_at: iso(created),
    updated_at: iso(updated),
  };
  return {
    kratos,
    lastSignIn: signedIn ? iso(signInAt) : "",
    signInMethod: social ? provider : "password",
    sessionId: uuid(r),
  };
}

export interface SeedSummary {
  rows: number;
  ms: number;
  fileMiB: number;
  counts: Record<string, number>;
  rareSurname: string;
  rareMatches: number;
  docBytesAvg: number;
}

async function main(): Promise<void> {
  const [dataDir, countArg] = process.argv.slice(2);
  const count = Number(countArg);
  if (!dataDir || !Number.isInteger(count) || count < 1) throw new Error("usage: identity-seed.ts <dataDir> <count>");
  const started = performance.now();
  // Creates and migrates truss.sqlite exactly as the server does (WAL), then hands the file to a bulk connection.
  await (await openSqliteStore(dataDir)).close();
  const file = path.join(dataDir, "truss.sqlite");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF"); // this connection only: a crash mid-seed is a failed bench run anyway
  db.pragma("cache_size = -524288"); // 512 MiB: the random-order id/email/name indexes stay in memory
  db.pragma("temp_store = MEMORY");
  if ((db.prepare("SELECT COUNT(*) AS n FROM identity_index").get() as { n: number }).n !== 0)
    throw new Error(`${file} already has indexed identities`);

  const schemas = new Map([["default", describeSchema("default", schemaJson)]]);
  const now = Date.now();
  const confirmedAt = new Date(now).toISOString();
  const insertRow = db.prepare(
    `INSERT INTO identity_index (id, schema_id, state, created_at, email_key, name_key, last_sign_in_key, is_admin,
       verified, search, doc, confirmed_at)
     VALUES (@id, @schema_id, @state, @created_at, @email_key, @name_key, @last_sign_in_key, @is_admin, @verified,
       @search, @doc, @confirmed_at)`,
  );
  const insertFts = db.prepare("INSERT INTO identity_fts (rowid, search) VALUES (?, ?)");
  const insertProvider = db.prepare("INSERT INTO identity_providers (provider, identity_id) VALUES (?, ?)");
  const insertSignIn = db.prepare("INSERT INTO sign_ins (key, identity_id, at, method) VALUES (?, ?, ?, ?)");
  const counts = new Map<string, number>();
  const signInsKeptFrom = new Date(now - 40 * DAY).toISOString(); // what the reconciler's pruning keeps
  let docBytes = 0;
  let rare = 0;

  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const s = identityAt(i, now);
      const dto = toIdentity(s.kratos, schemas);
      if (i === 0) identitySchema.parse(dto); // the doc is a valid Identity DTO
      const row = toIndexRow(dto, confirmedAt, s.lastSignIn);
      const seq = Number(insertRow.run(row).lastInsertRowid);
      insertFts.run(seq, row.search);
      const providers = providersOf(dto);
      for (const p of providers) insertProvider.run(p, dto.id);
      for (const k of counterKeys(row, providers)) counts.set(k, (counts.get(k) ?? 0) + 1);
      if (s.lastSignIn && s.lastSignIn >= signInsKeptFrom) {
        insertSignIn.run(`${s.sessionId}:${s.lastSignIn}`, dto.id, s.lastSignIn, s.signInMethod);
        const key = `signin:${s.lastSignIn.slice(0, 10)}:${s.signInMethod}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      docBytes += row.doc.length;
      if (RARE(i)) rare++;
    }
  });
  const STEP = 20_000;
  for (let from = 0; from < count; from += STEP) {
    chunk(from, Math.min(count, from + STEP));
    if (count >= 200_000 && (from / STEP) % 10 === 9)
      console.error(`[seed] ${from + STEP} rows, ${Math.round((performance.now() - started) / 1000)} s`);
  }
  // Counters once, at the end, added to whatever is there (a server may already have indexed its admin).
  const addCount = db.prepare(
    "INSERT INTO identity_counts (key, n) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET n = identity_counts.n + excluded.n",
  );
  const setMeta = db.prepare(
    "INSERT INTO index_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  db.transaction(() => {
    for (const [k, n] of counts) addCount.run(k, n);
    // As after a completed reconciler pass: the list reports index.ready.
    for (const k of ["pass_started_at", "pass_completed_at", "first_pass_at"]) setMeta.run(k, confirmedAt);
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  const summary: SeedSummary = {
    rows: count,
    ms: Math.round(performance.now() - started),
    fileMiB: Math.round(fs.statSync(file).size / 1048576),
    counts: Object.fromEntries(
      [...counts].filter(([k]) => !k.startsWith("created:") && !k.startsWith("signin:")).sort(),
    ),
    rareSurname: RARE_SURNAME,
    rareMatches: rare,
    docBytesAvg: Math.round(docBytes / count),
  };
  console.log(JSON.stringify(summary));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
