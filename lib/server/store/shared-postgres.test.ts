import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInstance, type Instance } from "@/lib/testing/test-app";
import { canRunPostgres, postgresBinDir, startTestPostgres, type TestPostgres } from "@/lib/testing/test-postgres";

// Two Truss instances (separate module graphs and connection pools) sharing one PostgreSQL database.
const available = canRunPostgres();
if (!available)
  console.warn(
    "[shared-postgres.test] SKIPPED: no PostgreSQL binaries (initdb/postgres) and npm run setup:test installs them",
  );

const errorId = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof Error && "id" in e ? String(e.id) : String(e)),
  );

describe.skipIf(!available)("several instances on one Postgres", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-shared-"));
  let server: TestPostgres | undefined;
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    const bin = postgresBinDir();
    if (!bin) throw new Error("PostgreSQL binaries missing after install attempt");
    server = await startTestPostgres(bin);
    const url = await server.createDatabase("shared");
    // Started together, as a rolling deploy would: the advisory lock serialises the migrations.
    a = await loadInstance({ DATABASE_URL: url, TRUSS_DATA_DIR: path.join(dataDir, "a") });
    b = await loadInstance({ DATABASE_URL: url, TRUSS_DATA_DIR: path.join(dataDir, "b") });
  }, 300_000);
  afterAll(async () => {
    await a?.store.closeStores();
    await b?.store.closeStores();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a key on one instance as soon as another revokes it (no cache)", async () => {
    const created = await a.apiKeys.createApiKey({ keyType: "service_role", label: "shared" }, null);
    expect((await b.apiKeys.verifyApiKey(created.secret, "service_role")).key.id).toBe(created.key.id);
    expect((await a.apiKeys.verifyApiKey(created.secret, "service_role")).key.id).toBe(created.key.id);
    await b.apiKeys.revokeApiKey(created.key.id, "admin-b");
    expect(await errorId(a.apiKeys.verifyApiKey(created.secret, "service_role"))).toBe("unauthorized");
    expect((await a.apiKeys.listApiKeys()).find((k) => k.id === created.key.id)?.revoked_at).not.toBeNull();
  });

  it("adds throttle counts up across instances, concurrently", async () => {
    const limit = { bucket: "shared:bucket", max: 100, windowMs: 60_000 };
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).throttle.hit([limit])));
    const [counter] = await a.throttle.hit([limit]);
    expect(counter?.count).toBe(21);
    const login = a.throttle.loginLimits("eve@example.com", "203.0.113.9");
    for (let i = 0; i < 5; i++) await (i % 2 ? a : b).throttle.hit(login);
    expect(await errorId(b.throttle.throwIfThrottled(login, "slow down"))).toBe("rate_limited");
    expect(await errorId(a.throttle.throwIfThrottled(login, "slow down"))).toBe("rate_limited");
  });

  it("applies a key's rate limit across instances", async () => {
    const k = await a.apiKeys.createApiKey({ keyType: "anon", label: "limited", rateLimit: 4 }, null);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => errorId((i % 2 ? a : b).apiKeys.verifyApiKey(k.secret, "anon"))),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(4);
    expect(results.filter((r) => r === "rate_limited")).toHaveLength(2);
  });

  it("keeps one audit log", async () => {
    const actor = { type: "system" as const, id: null, label: "test" };
    await a.audit.recordAudit({ actor, action: "shared.audit", target: "from-a", outcome: "success" });
    await b.audit.recordAudit({ actor, action: "shared.audit", target: "from-b", outcome: "success" });
    for (const inst of [a, b]) {
      const page = await inst.audit.listAudit({ page_size: 10, action: "shared.audit" });
      expect(page.items.map((e) => e.target)).toEqual(["from-b", "from-a"]);
    }
  });

  it("runs an idempotent import once when the retry lands on another instance", async () => {
    let runs = 0;
    let release = () => {};
    let claimed = () => {};
    const running = new Promise<void>((r) => (claimed = r));
    // The first instance's work starts once the key is claimed, and holds until the retry has been answered.
    const run = async () => {
      runs++;
      claimed();
      await new Promise<void>((r) => (release = r));
      return { status: 200, data: { created: 3 } };
    };
    const first = errorId(a.idempotency.withIdempotency("import-1", "s", { rows: 3 }, run));
    await running;
    const retry = await errorId(b.idempotency.withIdempotency("import-1", "s", { rows: 3 }, run));
    release();
    expect(await first).toBe("ok");
    expect(retry).toBe("conflict"); // the other instance saw "still running"
    expect(runs).toBe(1);
    // Once done, a retry on either instance replays the stored answer.
    expect(await errorId(b.idempotency.withIdempotency("import-1", "s", { rows: 3 }, run))).toBe("ok");
    expect(runs).toBe(1);
  });

  it("lets a setup token issued by one instance be used once, on any instance", async () => {
    const token = await a.admins.issueSetupToken();
    expect(await b.admins.setupPending()).toBe(true);
    const uses = await Promise.all([a, b].map((inst) => errorId(inst.admins.consumeSetupToken(token))));
    expect(uses.sort()).toEqual(["forbidden", "ok"]);
  });
});
