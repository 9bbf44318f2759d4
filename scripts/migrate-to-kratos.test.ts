import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash as argon2Hash } from "@node-rs/argon2";
import { hashSync } from "@node-rs/bcrypt";
import { Configuration, FrontendApi, IdentityApi, type CreateIdentityBody, type Identity } from "@ory/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, startEmbeddedKratos, type EmbeddedKratos } from "@/lib/embedded-kratos";
import { backend, onRealKratos, startKratosUnderTest, type KratosUnderTest } from "@/lib/testing/harness";
import { migrateIdentities } from "@/scripts/migrate-to-kratos";

// Embedded Kratos → the target under test. TRUSS_TEST_KRATOS=real|real-postgres: real Ory Kratos (started by
// startRealKratos, on SQLite or a throwaway PostgreSQL) and 10,000 users; otherwise a second embedded Kratos and 1,000.
const N = onRealKratos ? 10_000 : 1000;
const PASSWORD = "Migrate-me-safely-42";
// Pre-computed once and reused by every user: seeding must not hash 10,000 times.
const BCRYPT = hashSync(PASSWORD, 4).replace(/^\$2b\$/, "$2a$"); // Go's bcrypt prefix, as real Kratos stores it
let ARGON2 = ""; // argon2id with small parameters (what an import from another system may carry)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-migrate-"));
let from: EmbeddedKratos;
let to: KratosUnderTest;
const admin = (url: string) => new IdentityApi(new Configuration({ basePath: url, baseOptions: { timeout: 120_000 } }));

/** Even users carry a bcrypt hash, odd ones argon2id; every 7th has a Google link; every 10th is inactive. */
function user(i: number): CreateIdentityBody {
  return {
    schema_id: "default",
    traits: { email: `user${i}@example.com`, name: { first: `User${i}` } },
    state: i % 10 === 9 ? "inactive" : "active",
    external_id: `legacy-${i}`,
    metadata_public: { plan: i % 2 ? "pro" : "free", n: i },
    metadata_admin: i === 0 ? { truss_role: "admin" } : { note: `seeded ${i}` },
    verifiable_addresses:
      i % 3 === 0 ? [{ value: `user${i}@example.com`, via: "email", verified: true, status: "completed" }] : undefined,
    credentials: {
      password: { config: { hashed_password: i % 2 ? ARGON2 : BCRYPT } },
      ...(i % 7 === 0 ? { oidc: { config: { providers: [{ provider: "google", subject: `g-${i}` }] } } } : {}),
    },
  };
}

async function listAll(url: string): Promise<Identity[]> {
  const out: Identity[] = [];
  for (let page = 0, token: string | undefined; page < 100; page++) {
    const res = await admin(url).listIdentities({
      pageSize: 500,
      pageToken: token,
      includeCredential: ["password", "oidc"],
    });
    out.push(...res.data);
    token = /page_token=([^&>]+)>; rel="next"/.exec(String(res.headers.link))?.[1];
    if (!token || res.data.length === 0) break;
  }
  return out;
}

/** A native (API) login flow on the target's public API; the HTTP status of the submit. */
async function login(publicUrl: string, email: string): Promise<number> {
  const api = new FrontendApi(new Configuration({ basePath: publicUrl, baseOptions: { timeout: 10_000 } }));
  const flow = (await api.createNativeLoginFlow()).data;
  try {
    const res = await api.updateLoginFlow({
      flow: flow.id,
      updateLoginFlowBody: { method: "password", identifier: email, password: PASSWORD },
    });
    expect(res.data.session.identity?.traits).toMatchObject({ email });
    expect(res.data.session_token).toBeTruthy();
    return res.status;
  } catch (e) {
    return (e as { response?: { status: number } }).response?.status ?? 0;
  }
}

beforeAll(async () => {
  ARGON2 = await argon2Hash(PASSWORD, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  const opts = { publicPort: 0, adminPort: 0, bcryptCost: 4, unknownIdentifierDelayMs: [0, 0] as [number, number] };
  [from, to] = await Promise.all([
    startEmbeddedKratos({ ...opts, dataDir: path.join(dir, "from") }),
    startKratosUnderTest(path.join(dir, "to")),
  ]);
  // Seed through the batch API, 1,000 per request (Kratos's limit), pre-hashed.
  for (let start = 0; start < N; start += 1000) {
    const identities = Array.from({ length: Math.min(1000, N - start) }, (_, k) => ({ create: user(start + k) }));
    const seeded = await admin(from.adminUrl).batchPatchIdentities({ patchIdentitiesBody: { identities } });
    expect(seeded.data.identities?.filter((r) => r.action === "create")).toHaveLength(identities.length);
  }
}, 240_000);

afterAll(async () => {
  await Promise.all([from?.close(), to?.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`npm run migrate:kratos (embedded → ${backend === "embedded" ? "embedded" : `real Kratos, ${backend === "real" ? "SQLite" : "PostgreSQL"}`})`, () => {
  it(`moves ${N.toLocaleString("en")} users with bcrypt and argon2 hashes, OIDC links and metadata; they sign in on the target`, async () => {
    const started = performance.now();
    const summary = await migrateIdentities({ fromAdmin: from.adminUrl, toAdmin: to.adminUrl, chunkSize: 1000 });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[migrate:kratos] ${N} identities, embedded → ${backend}: ${seconds.toFixed(1)} s (${Math.round(N / seconds)}/s)`,
    );
    expect(summary.results.filter((r) => r.status === "failed").slice(0, 3)).toEqual([]);
    expect({ total: summary.total, created: summary.created, exists: summary.exists, failed: summary.failed }).toEqual({
      total: N,
      created: N,
      exists: 0,
      failed: 0,
    });

    const source = await listAll(from.adminUrl);
    const moved = new Map((await listAll(to.adminUrl)).map((i) => [i.external_id, i]));
    expect(source).toHaveLength(N);
    expect(moved.size).toBe(N);
    const u0 = moved.get("legacy-0")!;
    expect(u0.traits).toEqual({ email: "user0@example.com", name: { first: "User0" } });
    expect(u0.metadata_admin).toEqual({ truss_role: "admin" });
    expect(u0.metadata_public).toEqual({ plan: "free", n: 0 });
    expect(u0.verifiable_addresses?.[0]).toMatchObject({ verified: true, status: "completed" });
    expect(u0.credentials?.oidc?.identifiers).toEqual(["google:g-0"]);
    expect((u0.credentials?.password?.config as { hashed_password?: string }).hashed_password).toBe(BCRYPT);
    const u7 = moved.get("legacy-7")!; // argon2 + OIDC
    expect(u7.credentials?.oidc?.identifiers).toEqual(["google:g-7"]);
    expect((u7.credentials?.password?.config as { hashed_password?: string }).hashed_password).toBe(ARGON2);
    expect(u7.metadata_admin).toEqual({ note: "seeded 7" });
    const last = moved.get(`legacy-${N - 1}`)!;
    expect(last.state).toBe("inactive");
    expect(last.metadata_public).toEqual({ plan: "pro", n: N - 1 });
    // Every link and every metadata object arrived, not only the sampled ones.
    expect([...moved.values()].filter((i) => i.credentials?.oidc?.identifiers?.length).length).toBe(Math.ceil(N / 7));
    expect(
      [...moved.values()].every(
        (i) => (i.metadata_public as { n?: number } | null)?.n === Number(i.external_id!.slice(7)),
      ),
    ).toBe(true);
    expect(summary.results.find((r) => r.target_id === u0.id)?.source_id).toBe(
      source.find((i) => i.external_id === "legacy-0")?.id,
    );

    // bcrypt (even), argon2 (odd) users sign in with their original password through a native login flow.
    for (const i of [0, 1, 500, 997, N - 2])
      expect(await login(to.publicUrl, `user${i}@example.com`), `user${i}`).toBe(200);
    expect(await login(to.publicUrl, "user9@example.com")).not.toBe(200); // inactive stays inactive
  }, 600_000);

  it("is idempotent: a re-run reports every user as exists and creates nothing", async () => {
    const started = performance.now();
    const again = await migrateIdentities({ fromAdmin: from.adminUrl, toAdmin: to.adminUrl, chunkSize: 400 });
    console.log(`[migrate:kratos] re-run of ${N}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect({ total: again.total, created: again.created, exists: again.exists, failed: again.failed }).toEqual({
      total: N,
      created: 0,
      exists: N,
      failed: 0,
    });
    expect(again.results.every((r) => r.status === "exists" && !r.target_id)).toBe(true);
    expect(await listAll(to.adminUrl)).toHaveLength(N);
  }, 600_000);

  it("a hash the target refuses fails that row alone (Kratos answers 400 for the whole batch); the rest still moves", async () => {
    // The source's API refuses such a hash too, so it goes straight into the source's store (as an old row might).
    const now = new Date().toISOString();
    const store = openStore(path.join(dir, "from", "embedded-kratos.sqlite"));
    try {
      store.identities.insertMany([
        {
          id: crypto.randomUUID(),
          schemaId: "default",
          state: "active",
          stateChangedAt: now,
          traits: { email: "odd-hash@example.com" },
          metadataPublic: null,
          metadataAdmin: null,
          externalId: "legacy-odd",
          createdAt: now,
          updatedAt: now,
          verifiableAddresses: [],
          recoveryAddresses: [],
          credentials: [
            {
              id: crypto.randomUUID(),
              type: "password",
              identifiers: ["odd-hash@example.com"],
              config: { hashed_password: "$md4$not-a-kratos-format" },
              version: 0,
              createdAt: now,
              updatedAt: now,
            },
          ],
        },
      ]);
    } finally {
      store.close();
    }
    await admin(from.adminUrl).batchPatchIdentities({ patchIdentitiesBody: { identities: [{ create: user(N) }] } });

    const run = await migrateIdentities({ fromAdmin: from.adminUrl, toAdmin: to.adminUrl, chunkSize: 1000 });
    expect({ total: run.total, created: run.created, exists: run.exists, failed: run.failed }).toEqual({
      total: N + 2,
      created: 1,
      exists: N,
      failed: 1,
    });
    const bad = run.results.find((r) => r.status === "failed")!;
    expect(bad.error).toMatch(/hash/i);
    expect(run.results.find((r) => r.status === "created")?.target_id).toBeTruthy();
    const moved = await listAll(to.adminUrl);
    expect(moved).toHaveLength(N + 1);
    expect(moved.some((i) => i.external_id === "legacy-odd")).toBe(false);
    expect(await login(to.publicUrl, `user${N}@example.com`)).toBe(200);
  }, 600_000);
});
