import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInstance, type Instance } from "@/lib/testing/test-app";
import { canRunPostgres, postgresBinDir, startTestPostgres, type TestPostgres } from "@/lib/testing/test-postgres";
import { listIdentitiesQuerySchema, type Identity } from "@/lib/schemas/identity";

// The index's queries on both stores: SQLite (FTS5 trigram) and Postgres (pg_trgm), the same answers from each;
// and on Postgres, two instances writing at once keep the counters exact and only one runs the reconciler.
const pgAvailable = canRunPostgres();
if (!pgAvailable)
  console.warn("[index-store.test] Postgres half SKIPPED: no PostgreSQL binaries (npm run setup:test installs them)");

function person(first: string, last: string, extra: Partial<Identity> = {}): Identity {
  const email = `${first}.${last}@example.test`.toLowerCase();
  return {
    id: randomUUID(),
    email,
    name: `${first} ${last}`,
    display_name: `${first} ${last}`,
    identifiers: [{ kind: "email", value: email }],
    state: "active",
    is_admin: false,
    schema_id: "default",
    traits: { email, name: { first, last }, team: "Blue Herons" },
    metadata_public: null,
    credential_types: ["password"],
    providers: [],
    verifiable_addresses: [{ value: email, via: "email", verified: false, status: "pending" }],
    recovery_addresses: [{ value: email, via: "email" }],
    created_at: new Date(Date.UTC(2026, 0, 1 + Math.floor(Math.random() * 300))).toISOString(),
    updated_at: null,
    state_changed_at: null,
    ...extra,
  };
}

const q = (v: Record<string, string>) => listIdentitiesQuerySchema.parse(v);
const names = (p: { items: Identity[] }) => p.items.map((i) => i.display_name);

function suite(kind: "sqlite" | "postgres") {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `truss-index-${kind}-`));
  let server: TestPostgres | undefined;
  let url: string | undefined;
  let a: Instance;
  beforeAll(async () => {
    if (kind === "postgres") {
      const bin = postgresBinDir();
      if (!bin) throw new Error("PostgreSQL binaries missing after install attempt");
      server = await startTestPostgres(bin);
      url = await server.createDatabase("index");
    }
    a = await loadInstance({ DATABASE_URL: url, TRUSS_DATA_DIR: path.join(dataDir, "a") });
  }, 300_000);
  afterAll(async () => {
    await a?.store.closeStores();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("searches fragments of any string trait, sorts both ways and pages by keyset", async () => {
    const people = [
      person("Ada", "Lovelace"),
      person("Grace", "Hopper", { state: "inactive" }),
      person("Alan", "Turing", { is_admin: true }),
      person("Barbara", "Liskov", { providers: [{ provider: "github", subject: "1" }] }),
      person("Edsger", "Dijkstra", { traits: { team: "Red Kites" } }),
    ];
    await a.indexWrite.putIndexed(people);
    expect(names(await a.indexQuery.listIndexed(q({ q: "love" })))).toEqual(["Ada Lovelace"]);
    expect(names(await a.indexQuery.listIndexed(q({ q: "herons", sort: "name", order: "asc" })))).toEqual([
      "Ada Lovelace",
      "Alan Turing",
      "Barbara Liskov",
      "Grace Hopper",
    ]);
    expect(names(await a.indexQuery.listIndexed(q({ q: "kites" })))).toEqual(["Edsger Dijkstra"]);
    expect(names(await a.indexQuery.listIndexed(q({ q: "GRACE hop" })))).toEqual(["Grace Hopper"]);
    expect((await a.indexQuery.listIndexed(q({ q: "a_a" }))).total).toBe(0); // "_" is no wildcard
    const desc = await a.indexQuery.listIndexed(q({ sort: "email", order: "desc", page_size: "2" }));
    expect(names(desc)).toEqual(["Grace Hopper", "Edsger Dijkstra"]);
    expect(desc.total).toBe(5);
    const next = await a.indexQuery.listIndexed(
      q({ sort: "email", order: "desc", page_size: "2", page_token: desc.next_page_token! }),
    );
    expect(names(next)).toEqual(["Barbara Liskov", "Alan Turing"]);
    expect((await a.indexQuery.listIndexed(q({ state: "inactive" }))).total).toBe(1);
    expect(names(await a.indexQuery.listIndexed(q({ provider: "github" })))).toEqual(["Barbara Liskov"]);
    expect((await a.indexQuery.listIndexed(q({ admin: "true", q: "turing" }))).total).toBe(1); // COUNT(*) path
  });

  it("keeps counters exact through updates and removals, and records each sign-in once", async () => {
    const p = person("Kathleen", "Booth");
    await a.indexWrite.putIndexed([p]);
    const all = await a.indexCounts.counter("all");
    await a.indexWrite.putIndexed([{ ...p, state: "inactive" }]);
    await a.indexWrite.putIndexed([{ ...p, state: "inactive" }]); // unchanged: confirmed only
    expect(await a.indexCounts.counter("all")).toBe(all);
    expect(await a.indexCounts.counter("state:inactive")).toBe(2);
    const at = new Date().toISOString();
    const signIn = { key: `s1:${at}`, identity_id: p.id, at, method: "password" };
    expect(await a.indexWrite.recordSignIns([signIn, signIn])).toBe(1);
    expect(await a.indexWrite.recordSignIns([signIn])).toBe(0);
    const first = await a.indexQuery.listIndexed(q({ sort: "last_sign_in", order: "desc", page_size: "1" }));
    expect(first.items[0]?.last_sign_in_at).toBe(at);
    await a.indexWrite.removeIndexed([p.id]);
    expect(await a.indexCounts.counter("all")).toBe(all - 1);
    expect(await a.indexCounts.counter("state:inactive")).toBe(1);
  });

  it("answers rare and common filters and words alike: a rare one drives the query, a common one keeps the sort index", async () => {
    // 5,200 members of one team (above query.ts's RARE_ROWS, so "active" and "verified" are common filters) and three
    // rare ones: two admins, one GitLab user, one "partner" schema user.
    const crowd = Array.from({ length: 5_200 }, (_, i) =>
      person("Crowd", `M${String(i).padStart(5, "0")}`, {
        verifiable_addresses: [{ value: "x", via: "email", verified: i % 2 === 0, status: "completed" }],
      }),
    );
    const rare = [
      person("Radia", "Perlman", { is_admin: true }),
      person("Frances", "Allen", { is_admin: true, providers: [{ provider: "gitlab", subject: "7" }] }),
      person("Hedy", "Lamarr", { schema_id: "partner" }),
    ];
    await a.indexWrite.putIndexed([...crowd, ...rare]);
    const admins = await a.indexQuery.listIndexed(q({ admin: "true", sort: "name", order: "asc", page_size: "2" }));
    expect(names(admins)).toEqual(["Alan Turing", "Frances Allen"]);
    expect(admins.total).toBe(3);
    const rest = await a.indexQuery.listIndexed(
      q({ admin: "true", sort: "name", order: "asc", page_size: "2", page_token: admins.next_page_token! }),
    );
    expect(names(rest)).toEqual(["Radia Perlman"]);
    expect(names(await a.indexQuery.listIndexed(q({ provider: "gitlab" })))).toEqual(["Frances Allen"]);
    expect(names(await a.indexQuery.listIndexed(q({ schema_id: "partner", state: "active" })))).toEqual([
      "Hedy Lamarr",
    ]);
    // Before this test: Ada, Alan, Barbara, Edsger active and Grace inactive, none verified.
    const common = await a.indexQuery.listIndexed(q({ state: "active", sort: "email", order: "desc", page_size: "3" }));
    expect(names(common)).toEqual(["Radia Perlman", "Hedy Lamarr", "Frances Allen"]);
    expect(common.total).toBe(4 + 5_200 + 3);
    const verified = await a.indexQuery.listIndexed(
      q({ verified: "true", sort: "email", order: "asc", page_size: "2" }),
    );
    expect(names(verified)).toEqual(["Crowd M00000", "Crowd M00002"]);
    expect(verified.total).toBe(2_600);
    expect((await a.indexQuery.listIndexed(q({ state: "active", verified: "false" }))).total).toBe(4 + 2_600 + 3);
    expect((await a.indexQuery.listIndexed(q({ state: "inactive", admin: "false" }))).total).toBe(1);
    // "herons" (every team member's trait) is a common word: above the trigram probe's cap, tested per row.
    const herons = await a.indexQuery.listIndexed(q({ q: "herons", sort: "name", order: "asc", page_size: "4" }));
    expect(names(herons)).toEqual(["Ada Lovelace", "Alan Turing", "Barbara Liskov", "Crowd M00000"]);
    expect(herons.total).toBe(4 + 5_200 + 3);
    const heronAdmins = await a.indexQuery.listIndexed(q({ q: "herons", admin: "true", sort: "name", order: "asc" }));
    expect(names(heronAdmins)).toEqual(["Alan Turing", "Frances Allen", "Radia Perlman"]);
    expect(heronAdmins.total).toBe(3);
    expect(names(await a.indexQuery.listIndexed(q({ q: "herons", state: "inactive" })))).toEqual(["Grace Hopper"]);
    const tens = await a.indexQuery.listIndexed(q({ q: "crowd m0001", sort: "name", order: "desc", page_size: "2" }));
    expect(names(tens)).toEqual(["Crowd M00019", "Crowd M00018"]);
    expect(tens.total).toBe(10);
    expect((await a.indexQuery.listIndexed(q({ q: "herons crowd", verified: "true" }))).total).toBe(2_600);
  }, 120_000);

  if (kind === "postgres")
    it("two instances writing the same identities at once keep the counters exact; one reconciler at a time", async () => {
      const b = await loadInstance({ DATABASE_URL: url, TRUSS_DATA_DIR: path.join(dataDir, "b") });
      try {
        const before = await a.indexCounts.counter("all");
        const batch = Array.from({ length: 40 }, (_, i) => person("Twin", `N${i}`));
        await Promise.all([a.indexWrite.putIndexed(batch), b.indexWrite.putIndexed(batch)]);
        expect(await a.indexCounts.counter("all")).toBe(before + 40);
        let release!: () => void;
        let locked!: () => void;
        const held = new Promise<void>((r) => (release = r));
        const taken = new Promise<void>((r) => (locked = r));
        const first = a.reconciler.asLeader(async () => {
          locked();
          await held;
          return "a";
        });
        await taken;
        expect(await b.reconciler.asLeader(async () => "b")).toBeNull();
        release();
        expect(await first).toBe("a");
        expect(await b.reconciler.asLeader(async () => "b")).toBe("b");
      } finally {
        await b.store.closeStores();
      }
    });
}

describe("identity index on SQLite", () => suite("sqlite"));
describe.skipIf(!pgAvailable)("identity index on Postgres", () => suite("postgres"));
