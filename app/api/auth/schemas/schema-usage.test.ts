import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";

// Users per schema come from the identity index's counters: unknown (null, "counting" on the page) until the index's
// first full pass, then exact. No background pass here: the test runs the one pass itself.
const h: Harness = await startHarness({ TRUSS_INDEX_RECONCILE_SECONDS: "0" });
const schemas = await import("@/app/api/auth/schemas/route");
const identities = await import("@/app/api/auth/identities/route");
const { reconcileOnce } = await import("@/lib/server/services/identity-index");

type Info = { id: string; users: number | null };
let cookie = "";
beforeAll(async () => {
  cookie = await bootAndSignIn();
});
afterAll(() => h.close());

const usage = async () => {
  const r = await call(schemas.GET, "/api/auth/schemas", { headers: { cookie } });
  expect(r.status).toBe(200);
  return (r.body as { items: Info[] }).items;
};
const listed = async () =>
  (await call(identities.GET, "/api/auth/identities?schema_id=default&page_size=1", { headers: { cookie } })).body as {
    total: number;
    index: { ready: boolean };
  };

describe("GET /api/auth/schemas: users per schema", () => {
  it("is null before the index's first pass and the exact count after it", async () => {
    expect((await listed()).index.ready, "no pass has run yet").toBe(false);
    const before = await usage();
    expect(before.length).toBeGreaterThan(0);
    for (const s of before) expect(s.users, s.id).toBeNull();

    await reconcileOnce();
    const after = await usage();
    const { total, index } = await listed();
    expect(index.ready).toBe(true);
    expect(total).toBeGreaterThanOrEqual(1); // the admin at least
    expect(after.find((s) => s.id === "default")?.users).toBe(total);
  });
});
