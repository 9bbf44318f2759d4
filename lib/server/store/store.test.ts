import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "@/lib/server/store/migrations";
import { migrationName } from "@/lib/server/store/migrate";
import { loadInstance, type Instance } from "@/lib/testing/test-app";
import { canRunPostgres, postgresBinDir, startTestPostgres, type TestPostgres } from "@/lib/testing/test-postgres";

// The same suite against SQLite (the default) and a real PostgreSQL started here (DATABASE_URL).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-store-"));
let server: TestPostgres | null = null;
const pgAvailable = canRunPostgres();
if (!pgAvailable)
  console.warn(
    "[store.test] Postgres run SKIPPED: no PostgreSQL server binaries (initdb/postgres); npm run setup:test installs them",
  );

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Each instance has its own module graph (and ApiError class), so errors are matched by their id.
const errorId = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof Error && "id" in e ? String(e.id) : String(e)),
  );

// Without PostgreSQL the Postgres cases are reported as skipped (with the reason above), never silently dropped.
const itOn = (kind: "sqlite" | "postgres") => it.skipIf(kind === "postgres" && !pgAvailable);

describe.each(["sqlite", "postgres"] as const)("Truss store on %s", (kind) => {
  let app: Instance;
  let config: { DATABASE_URL?: string; TRUSS_DATA_DIR: string };
  beforeAll(async () => {
    config = { TRUSS_DATA_DIR: path.join(dataDir, kind) };
    if (kind === "postgres") {
      const bin = postgresBinDir();
      if (!bin) return;
      server = await startTestPostgres(bin);
      config.DATABASE_URL = await server.createDatabase("store_suite");
    }
    if (kind === "postgres" && !pgAvailable) return;
    app = await loadInstance(config);
  }, 300_000);
  afterAll(() => app?.store.closeStores());

  itOn(kind)(
    "applies every migration once, also when several instances start together, and upgrades old files",
    async () => {
      const fresh = {
        databaseUrl: kind === "postgres" ? await server!.createDatabase("race") : undefined,
        dataDir: path.join(dataDir, `${kind}-race`),
      };
      const stores = await Promise.all([1, 2, 3].map(() => app.store.openStore(fresh)));
      const names = async (db: (typeof stores)[number]["db"]) =>
        (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map(
          (r) => r.name,
        );
      expect(await names(stores[0]!.db)).toEqual(migrations.map((m) => migrationName(m.version)));
      // An install from before migration 2, whose versions Truss's old runner kept in schema_migrations:
      // reopening adopts them into Kysely's table and applies only what is missing.
      await sql`DROP INDEX api_keys_secret_hash`.execute(stores[0]!.db);
      await sql`DROP TABLE locks`.execute(stores[0]!.db);
      await sql`DROP INDEX audit_log_parent`.execute(stores[0]!.db);
      await sql`ALTER TABLE audit_log DROP COLUMN parent_id`.execute(stores[0]!.db);
      for (const t of ["identity_index", "identity_providers", "identity_counts", "sign_ins", "index_meta"])
        await sql`DROP TABLE ${sql.table(t)}`.execute(stores[0]!.db);
      if (kind === "sqlite") await sql`DROP TABLE identity_fts`.execute(stores[0]!.db);
      await sql`DELETE FROM kysely_migration`.execute(stores[0]!.db);
      await sql`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`.execute(
        stores[0]!.db,
      );
      await sql`INSERT INTO schema_migrations (version, applied_at) VALUES (1, '2026-11-30T00:00:00.000Z')`.execute(
        stores[0]!.db,
      );
      await Promise.all(stores.map((s) => s.close()));
      const again = await app.store.openStore(fresh);
      expect(await names(again.db)).toEqual(migrations.map((m) => migrationName(m.version)));
      await sql`SELECT secret_hash FROM api_keys WHERE secret_hash = 'x'`.execute(again.db); // index back, table there
      expect((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM locks`.execute(again.db)).rows[0]).toBeDefined();
      await sql`SELECT parent_id FROM audit_log WHERE parent_id = 1`.execute(again.db); // migration 4 applied again
      await sql`SELECT seq FROM identity_index WHERE id = 'x'`.execute(again.db); // and 5
      await again.close();
    },
  );

  itOn(kind)("creates, verifies, lists and revokes API keys (hash only, revocation applies at once)", async () => {
    const { apiKeys } = app;
    const sk = await apiKeys.createApiKey({ keyType: "service_role", label: "ci" }, "admin-1");
    const pk = await apiKeys.createApiKey({ keyType: "anon", label: "web" }, null);
    expect((await apiKeys.verifyApiKey(sk.secret, "service_role")).key.id).toBe(sk.key.id);
    expect(await errorId(apiKeys.verifyApiKey(pk.secret, "service_role"))).toBe("forbidden");
    expect((await apiKeys.verifyApiKey(pk.secret, "anon")).key.label).toBe("web");
    const listed = await apiKeys.listApiKeys();
    expect(listed.map((k) => k.id)).toEqual(expect.arrayContaining([sk.key.id, pk.key.id]));
    expect(JSON.stringify(listed)).not.toContain(sk.secret);
    expect(listed.find((k) => k.id === sk.key.id)?.last_used_at).not.toBeNull();
    const revoked = await apiKeys.revokeApiKey(sk.key.id, "admin-1");
    expect(revoked.revoked_at).not.toBeNull();
    expect((await apiKeys.revokeApiKey(sk.key.id, "admin-2")).revoked_at).toBe(revoked.revoked_at);
    expect(await errorId(apiKeys.verifyApiKey(sk.secret, "service_role"))).toBe("unauthorized");
    expect(await errorId(apiKeys.revokeApiKey("00000000-0000-4000-8000-000000000000", null))).toBe("not_found");
  });

  itOn(kind)("rate-limits a key per minute with remaining counts", async () => {
    const k = await app.apiKeys.createApiKey({ keyType: "service_role", label: "limited", rateLimit: 2 }, null);
    expect((await app.apiKeys.verifyApiKey(k.secret, "service_role")).headers["X-RateLimit-Remaining"]).toBe("1");
    expect((await app.apiKeys.verifyApiKey(k.secret, "service_role")).headers["X-RateLimit-Remaining"]).toBe("0");
    expect(await errorId(app.apiKeys.verifyApiKey(k.secret, "service_role"))).toBe("rate_limited");
  });

  itOn(kind)("counts throttle hits in fixed windows, concurrently, and clears them", async () => {
    const { throttle } = app;
    const limit = { bucket: `t:${kind}`, max: 3, windowMs: 60_000 };
    const now = 1_800_000_000_000;
    await Promise.all(Array.from({ length: 5 }, () => throttle.hit([limit], now)));
    expect(await throttle.retryAfter([limit], now + 1_000)).toBe(59);
    expect(await throttle.retryAfter([limit], now + 60_000)).toBeNull();
    expect(await throttle.hit([limit], now + 60_000)).toEqual([{ count: 1, window_start: now + 60_000 }]);
    await throttle.clear([limit.bucket]);
    expect((await throttle.consume(limit, now)).remaining).toBe(2);
  });

  itOn(kind)("appends to the audit log and pages through it newest first with filters", async () => {
    const actor = { type: "admin" as const, id: "a-1", label: "ann@example.com" };
    for (let i = 0; i < 5; i++)
      await app.audit.recordAudit({ actor, action: "x.test", target: `t${i % 2}`, outcome: "success", details: { i } });
    const first = await app.audit.listAudit({ page_size: 3, action: "x.test" });
    expect(first.items.map((e) => e.details?.i)).toEqual([4, 3, 2]);
    const second = await app.audit.listAudit({
      page_size: 3,
      action: "x.test",
      page_token: first.next_page_token ?? undefined,
    });
    expect(second.items.map((e) => e.details?.i)).toEqual([1, 0]);
    expect(second.next_page_token).toBeNull();
    expect((await app.audit.listAudit({ page_size: 50, actor: "ann@example.com", target: "t1" })).items).toHaveLength(
      2,
    );
  });

  itOn(kind)(
    "records a bulk request and its items in one transaction, linked by parent_id (all or nothing)",
    async () => {
      const actor = { type: "admin" as const, id: "a-2", label: "bob@example.com" };
      // More items than one INSERT takes, so the batch spans several statements of the same transaction.
      const items = Array.from({ length: 601 }, (_, i) => ({
        action: "x.item",
        target: `item-${i}`,
        outcome: i === 7 ? ("failure" as const) : ("success" as const),
        details: { i },
      }));
      const parent = await app.audit.recordAuditBatch(
        { actor, ip: "10.0.0.1", action: "x.bulk", details: { n: 601 } },
        items,
      );
      const [head] = (await app.audit.listAudit({ page_size: 1, action: "x.bulk" })).items;
      expect(head).toMatchObject({ id: parent, outcome: "partial", parent_id: null, details: { n: 601 } });
      const page = await app.audit.listAudit({ page_size: 500, parent: String(parent) });
      expect(page.items).toHaveLength(500);
      expect(page.items[0]).toMatchObject({ action: "x.item", target: "item-600", parent_id: parent, ip: "10.0.0.1" });
      expect(page.items.every((e) => e.actor_label === "bob@example.com" && e.at === head!.at)).toBe(true);
      const rest = await app.audit.listAudit({
        page_size: 500,
        parent: String(parent),
        page_token: page.next_page_token!,
      });
      expect(rest.items).toHaveLength(101);
      expect((await app.audit.listAudit({ page_size: 5, target: "item-7" })).items).toMatchObject([
        { outcome: "failure", parent_id: parent },
      ]);
      expect(app.audit.outcomeOf([{ action: "x", target: null, outcome: "failure" }])).toBe("failure");
      expect(app.audit.outcomeOf([])).toBe("success");
      // An item that cannot be written (details that are not JSON) leaves no parent behind either.
      const bad = [{ action: "x.item", target: "t", outcome: "success" as const, details: { n: 1n } }];
      await expect(app.audit.recordAuditBatch({ actor, action: "x.bulk_bad" }, bad)).rejects.toThrow();
      expect((await app.audit.listAudit({ page_size: 5, action: "x.bulk_bad" })).items).toEqual([]);
    },
  );

  itOn(kind)("replays idempotent requests, refuses another body (422) and a running key (409)", async () => {
    const { withIdempotency } = app.idempotency;
    let runs = 0;
    const run = async () => ({ status: 200, data: { n: ++runs } });
    expect(await withIdempotency("k1", "s", { a: 1 }, run)).toEqual({ status: 200, data: { n: 1 }, replayed: false });
    expect(await withIdempotency("k1", "s", { a: 1 }, run)).toEqual({ status: 200, data: { n: 1 }, replayed: true });
    expect(await errorId(withIdempotency("k1", "s", { a: 2 }, run))).toBe("unprocessable");
    let release = () => {};
    let claimed = () => {};
    const running = new Promise<void>((r) => (claimed = r));
    // The work starts only once the key is claimed: from then on a second call must see it in progress.
    const slow = withIdempotency("k2", "s", {}, () => {
      claimed();
      return new Promise((r) => (release = () => r({ status: 200, data: null })));
    });
    await running;
    expect(await errorId(withIdempotency("k2", "s", {}, run))).toBe("conflict");
    release();
    await slow;
    expect(await errorId(withIdempotency("k3", "s", {}, () => Promise.reject(new Error("boom"))))).toBe("Error: boom");
    expect((await withIdempotency("k3", "s", {}, run)).replayed).toBe(false); // a failed attempt may be retried
  });

  itOn(kind)("issues a single-use setup token and keeps the admins index idempotent", async () => {
    const { admins } = app;
    const token = await admins.issueSetupToken();
    expect(await admins.setupPending()).toBe(true);
    const uses = await Promise.all([admins.consumeSetupToken(token), admins.consumeSetupToken(token)].map(errorId));
    expect(uses.sort()).toEqual(["forbidden", "ok"]);
    expect(await admins.setupPending()).toBe(false);
    await admins.rememberAdmin("id-1");
    await admins.rememberAdmin("id-1");
    const rows = await (await app.store.db()).selectFrom("admins").selectAll().execute();
    expect(rows.map((r) => r.identity_id)).toEqual(["id-1"]);
  });
});
