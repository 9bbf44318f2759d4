import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";
import { sdk } from "@/lib/testing/users";

// The users list, answered by the identity index: sort, search, filters, exact counts, keyset pages; and the index
// kept true by Truss's own writes and by the reconciler for changes made directly in Kratos.
const h: Harness = await startHarness();
const list = await import("@/app/api/auth/identities/route");
const one = await import("@/app/api/auth/identities/[id]/route");
const state = await import("@/app/api/auth/identities/[id]/state/route");
const admin = await import("@/app/api/auth/identities/[id]/admin/route");
const v1 = await import("@/app/v1/auth/identities/route");
const stats = await import("@/app/api/stats/route");
const { reconcileOnce } = await import("@/lib/server/services/identity-index");

let cookie = "";
const tag = `ix${Date.now().toString(36)}`;
type Item = { id: string; email: string; name: string | null; display_name: string; state: string; is_admin: boolean };
type Page = { items: Item[]; next_page_token: string | null; total: number; index: { ready: boolean } };

const PEOPLE = [
  ["carol", "Carol", "Zimmer"],
  ["alice", "Alice", "Quarrington"],
  ["bob", "Bob", "Marlowe"],
  ["dave", "Dave", "Quarrell"],
  ["erin", "Erin", "Abbott"],
] as const;
const ids: Record<string, string> = {};

async function get(qs: string, headers: Record<string, string> = { cookie }) {
  const r = await call(list.GET, `/api/auth/identities?${qs}`, { headers });
  return r;
}
async function page(qs: string): Promise<Page> {
  const r = await get(`q=${tag}&${qs}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Page;
}
const local = (p: Page) => p.items.map((i) => i.email.split("-")[0] ?? "");

beforeAll(async () => {
  cookie = await bootAndSignIn();
  for (const [who, first, last] of PEOPLE) {
    const r = await call(list.POST, "/api/auth/identities", {
      method: "POST",
      headers: { cookie },
      body: {
        email: `${who}-${tag}@example.test`,
        traits: { email: `${who}-${tag}@example.test`, name: { first, last } },
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[who] = (r.body as Item).id;
  }
});
afterAll(() => h.close());

describe("the identity index", () => {
  it("sorts by email and by name, both directions, and counts exactly", async () => {
    const asc = await page("sort=email&order=asc");
    expect(local(asc)).toEqual(["alice", "bob", "carol", "dave", "erin"]);
    expect(asc.total).toBe(5);
    expect(local(await page("sort=email&order=desc"))).toEqual(["erin", "dave", "carol", "bob", "alice"]);
    // Display names: "Alice Quarrington", "Bob Marlowe", …
    expect(local(await page("sort=name&order=asc"))).toEqual(["alice", "bob", "carol", "dave", "erin"]);
    expect(local(await page("sort=created&order=asc"))).toEqual(PEOPLE.map(([w]) => w));
    expect(local(await page("sort=created&order=desc"))).toEqual(PEOPLE.map(([w]) => w).reverse());
  });

  it("searches names and other traits by fragment, every word must match, and counts the matches", async () => {
    const quar = await page("sort=email&order=asc&q=" + encodeURIComponent(`${tag} quar`));
    expect(local(quar)).toEqual(["alice", "dave"]);
    expect(quar.total).toBe(2);
    expect(local(await page("q=" + encodeURIComponent(`${tag} quarrell`)))).toEqual(["dave"]);
    // Two letters ("tt" of Abbott: no hex digit, so no id matches): below the trigram index's reach, still a substring.
    expect(local(await page("sort=email&order=asc&q=" + encodeURIComponent(`${tag} tt`)))).toEqual(["erin"]);
    // LIKE/GLOB metacharacters are literals.
    expect((await page("q=" + encodeURIComponent(`${tag} qu*`))).total).toBe(0);
    expect((await page("q=" + encodeURIComponent(`${tag} %`))).total).toBe(0);
  });

  it("pages with a keyset cursor that neither repeats nor skips, in any sort", async () => {
    for (const sort of ["email", "name", "created", "last_sign_in"]) {
      const seen: string[] = [];
      let token: string | null = null;
      for (let i = 0; i < 10; i++) {
        const p: Page = await page(`sort=${sort}&order=desc&page_size=2${token ? `&page_token=${token}` : ""}`);
        seen.push(...local(p));
        token = p.next_page_token;
        if (!token) break;
      }
      expect(seen).toEqual(local(await page(`sort=${sort}&order=desc`)));
      expect(new Set(seen).size).toBe(5);
    }
    const bad = await get("page_token=bm90LWEtdG9rZW4");
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { id: string } }).error.id).toBe("validation_failed");
  });

  it("filters by state and admin, fills pages, and counts each filter", async () => {
    expect(
      (
        await call(state.PATCH, "/x", {
          method: "PATCH",
          headers: { cookie },
          params: { id: ids.bob! },
          body: { state: "inactive" },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(admin.POST, "/x", { method: "POST", headers: { cookie }, params: { id: ids.erin! } })).status,
    ).toBe(200);
    const inactive = await page("state=inactive");
    expect(local(inactive)).toEqual(["bob"]);
    expect(inactive.total).toBe(1);
    expect(local(await page("admin=true"))).toEqual(["erin"]);
    expect((await page("admin=false")).total).toBe(4);
    expect((await page("verified=true")).total).toBe(0);
    // Unfiltered single-filter counts come from counters: the whole index, not just this test's users.
    const all = (await get("state=inactive")).body as Page;
    expect(all.total).toBeGreaterThanOrEqual(1);
    const s = (await call(stats.GET, "/api/stats", { headers: { cookie } })).body as {
      users: { total: number; inactive: number; admins: number };
    };
    expect(s.users.inactive).toBe(all.total);
    expect(s.users.admins).toBe(((await get("admin=true")).body as Page).total);
    expect(s.users.total).toBe(((await get("")).body as Page).total);
  });

  it("a delete through Truss leaves the index at once; /v1 reads the same index", async () => {
    expect(
      (await call(one.DELETE, "/x", { method: "DELETE", headers: { cookie }, params: { id: ids.carol! } })).status,
    ).toBe(204);
    expect(local(await page("sort=email&order=asc"))).not.toContain("carol");
  });

  it("changes made directly in Kratos reach the index with the next reconciler pass", async () => {
    const { identity } = sdk(h);
    const direct = `direct-${tag}@example.test`;
    const made = (
      await identity.createIdentity({
        createIdentityBody: {
          schema_id: "default",
          traits: { email: direct, name: { first: "Outside", last: "Tool" } },
        },
      })
    ).data;
    expect(local(await page("q=outside"))).toEqual([]);
    await reconcileOnce();
    expect(local(await page("q=outside"))).toEqual(["direct"]);
    await identity.deleteIdentity({ id: made.id });
    await identity.deleteIdentity({ id: ids.dave! });
    await reconcileOnce();
    expect(local(await page("sort=email&order=asc"))).toEqual(["alice", "bob", "erin"]);
    const p = await page("");
    expect(p.total).toBe(3);
    expect(p.index.ready).toBe(true);
  });
});

describe("the client API", () => {
  it("GET /v1/auth/identities takes the same sort, search and filters", async () => {
    const keys = await import("@/lib/server/services/api-keys");
    const { secret } = await keys.createApiKey({ keyType: "service_role", label: "ix" }, null);
    const r = await call(v1.GET, `/v1/auth/identities?q=${tag}&sort=email&order=desc`, { headers: { apikey: secret } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(local(r.body as Page)).toEqual(["erin", "bob", "alice"]);
  });
});
