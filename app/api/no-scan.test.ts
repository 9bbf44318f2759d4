import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";
import { countingProxy, type CountingProxy } from "@/lib/testing/counting-proxy";
import { sdk, userLogin } from "@/lib/testing/users";

// Issue 14's rule: no request path pages through Kratos. Kratos sits behind counting proxies, holds more identities
// than two of its 500-row pages, and every GET endpoint of /api and /v1 (and the writes the dashboard makes) is
// called once: none may list identities or sessions more than one page, and none may follow a page token.
const h: Harness = await startHarness();
const adminProxy: CountingProxy = await countingProxy(h.kratos.adminUrl);
const publicProxy: CountingProxy = await countingProxy(h.kratos.publicUrl);
process.env.KRATOS_ADMIN_URL = adminProxy.url;
process.env.KRATOS_PUBLIC_URL = publicProxy.url;
const { allEndpoints } = await import("@/lib/server/endpoints");
const { minGapMs, reconcileOnce } = await import("@/lib/server/services/identity-index");
const keys = await import("@/lib/server/services/api-keys");

const SEEDED = 1100;
let cookie = "";
let apikey = "";
const values: Record<string, string> = {};

type Handler = Parameters<typeof call>[0];
async function routeModule(apiPath: string): Promise<Record<string, Handler>> {
  const dir = apiPath.replace(/\{(\w+)\}/g, "[$1]");
  return (await import(path.resolve(import.meta.dirname, `../..${`/app${dir}`}/route.ts`))) as Record<string, Handler>;
}

function fill(apiPath: string): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const url = apiPath.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v =
      name === "provider"
        ? "github"
        : apiPath.includes("/sessions/")
          ? values.session!
          : apiPath.includes("/keys/")
            ? values.key!
            : apiPath.includes("/schemas/")
              ? "default"
              : apiPath.includes("/providers/")
                ? "github"
                : apiPath.includes("/courier/")
                  ? "00000000-0000-4000-8000-000000000000"
                  : values.identity!;
    params[name] = v;
    return v;
  });
  return { url, params };
}

/** Kratos list calls a request made: identities and sessions (one page each at most, never a next page). */
function listCalls() {
  const all = [...adminProxy.seen, ...publicProxy.seen];
  const lists = all.filter((r) => r.method === "GET" && /^\/admin\/(identities|sessions)\/?$/.test(r.path));
  return { total: all.length, lists: lists.length, followed: lists.filter((r) => r.query.has("page_token")).length };
}

beforeAll(async () => {
  const { identity } = sdk(h);
  for (let i = 0; i < SEEDED; i += 500) {
    const identities = Array.from({ length: Math.min(500, SEEDED - i) }, (_, j) => ({
      patch_id: crypto.randomUUID(),
      create: { schema_id: "default", traits: { email: `scan-${i + j}@example.test` } },
    }));
    await identity.batchPatchIdentities({ patchIdentitiesBody: { identities } });
  }
  const user = (
    await identity.createIdentity({
      createIdentityBody: {
        schema_id: "default",
        traits: { email: "scan-user@example.test" },
        credentials: { password: { config: { password: "Scan-user-pass-1" } } },
      },
    })
  ).data;
  await userLogin(h, "scan-user@example.test", "Scan-user-pass-1");
  cookie = await bootAndSignIn();
  await reconcileOnce(); // the index learns the seeded identities (a background pass, never a request)
  const sessions = (await identity.listSessions({ pageSize: 1 })).data;
  values.identity = user.id;
  values.session = sessions[0]!.id;
  const created = await keys.createApiKey({ keyType: "service_role", label: "no-scan" }, null);
  apikey = created.secret;
  values.key = created.key.id;
}, 300_000);
afterAll(async () => {
  await adminProxy.close();
  await publicProxy.close();
  await h.close();
});

describe("no full scan of Kratos on any request path", () => {
  const gets = allEndpoints.filter((e) => e.method === "GET");
  it.each(gets.map((e) => [e.path, e]))("GET %s", async (_, e) => {
    const mod = await routeModule(e.path);
    const { url, params } = fill(e.path);
    const headers: Record<string, string> =
      e.auth === "admin" ? { cookie } : e.auth === "public" || e.auth === "hook" ? {} : { apikey };
    adminProxy.reset();
    publicProxy.reset();
    const r = await call(mod.GET!, url, { headers, params });
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
    const c = listCalls();
    expect(c.followed, `${e.path} followed a Kratos page token`).toBe(0);
    expect(c.lists, `${e.path} listed Kratos more than once`).toBeLessThanOrEqual(1);
    expect(c.total).toBeLessThanOrEqual(6);
  });

  it("the users list and the overview answer without listing Kratos at all, with the exact count", async () => {
    const list = await routeModule("/api/auth/identities");
    const stats = await routeModule("/api/stats");
    adminProxy.reset();
    publicProxy.reset();
    const page = await call(list.GET!, "/api/auth/identities?sort=email&order=asc&page_size=5", {
      headers: { cookie },
    });
    const overview = await call(stats.GET!, "/api/stats", { headers: { cookie } });
    expect((page.body as { total: number }).total).toBeGreaterThan(SEEDED);
    expect((overview.body as { users: { total: number } }).users.total).toBeGreaterThan(SEEDED);
    expect(listCalls().lists).toBe(0);
  });

  it("the dashboard's writes (create, bulk, import) look identities up, never page through them", async () => {
    const list = await routeModule("/api/auth/identities");
    const bulk = await routeModule("/api/auth/identities/bulk");
    const imp = await routeModule("/api/auth/users/import");
    adminProxy.reset();
    publicProxy.reset();
    const made = await call(list.POST!, "/api/auth/identities", {
      method: "POST",
      headers: { cookie },
      body: { email: "scan-new@example.test" },
    });
    expect(made.status).toBe(201);
    const b = await call(bulk.POST!, "/api/auth/identities/bulk", {
      method: "POST",
      headers: { cookie },
      body: { action: "deactivate", ids: [(made.body as { id: string }).id] },
    });
    expect(b.status).toBe(200);
    const i = await call(imp.POST!, "/api/auth/users/import", {
      method: "POST",
      headers: { cookie },
      body: { users: [{ email: "scan-imp-1@example.test" }, { email: "scan-0@example.test" }] },
    });
    expect(i.status, JSON.stringify(i.body)).toBeLessThan(300);
    expect(listCalls().followed).toBe(0);
  });

  it("the reconciler itself pages through Kratos (so the proxies would have seen a scan), within its call rate", async () => {
    adminProxy.reset();
    const started = performance.now();
    const report = await reconcileOnce(10);
    const elapsed = performance.now() - started;
    expect(listCalls().followed).toBeGreaterThanOrEqual(2);
    expect(report?.calls).toBe(listCalls().lists);
    // At most 10 calls a second, with the pacer's margin: n calls are spaced over at least (n - 1) gaps of 111 ms.
    expect(elapsed).toBeGreaterThanOrEqual((report!.calls - 1) * minGapMs(10) - 5);
  });
});
