import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";

// Whatever a client sends, the answer is the JSON envelope with a 4xx, never a 500.
const h: Harness = await startHarness();
const targets = {
  create: (await import("@/app/api/auth/identities/route")).POST,
  list: (await import("@/app/api/auth/identities/route")).GET,
  patch: (await import("@/app/api/auth/identities/[id]/route")).PATCH,
  state: (await import("@/app/api/auth/identities/[id]/state/route")).PATCH,
  reset: (await import("@/app/api/auth/identities/[id]/reset-password/route")).POST,
  recovery: (await import("@/app/api/auth/identities/[id]/recovery/route")).POST,
  bulk: (await import("@/app/api/auth/identities/bulk/route")).POST,
  import: (await import("@/app/api/auth/users/import/route")).POST,
  keys: (await import("@/app/api/keys/route")).POST,
  sessions: (await import("@/app/api/auth/sessions/route")).GET,
  audit: (await import("@/app/api/audit/route")).GET,
};
const BODIES = [
  "[]",
  '"x"',
  "null",
  "123",
  "{",
  '{"a":',
  "{}",
  '{"email":{"$gt":""}}',
  '{"users":[1,2,3]}',
  '{"users":"x"}',
  '{"state":"deleted"}',
  '{"ids":["x"],"action":"delete"}',
  '{"password":null}',
  `{"email":"${"a".repeat(5000)}@x.io"}`,
  JSON.stringify({ deep: JSON.parse("[".repeat(200) + "]".repeat(200)) as unknown }),
  '{"keyType":"root","label":""}',
  '{"method":"code","expires_in":"forever"}',
];
const QUERIES = [
  "?page_size=-1",
  "?page_size=abc",
  "?page_token=%00",
  "?state=zombie",
  "?search=" + "%".repeat(300),
  "?page_size=1e9",
  "?page_token=" + "a".repeat(600),
  "?actor=&action=&target=",
];
const ID = "00000000-0000-4000-8000-000000000abc";

let cookie = "";
beforeAll(async () => {
  cookie = await bootAndSignIn();
});
afterAll(() => h.close());

describe("no 500 for anything a client can send", () => {
  it("malformed, wrongly typed and oversized bodies", async () => {
    for (const [name, handler] of Object.entries(targets)) {
      if (name === "list" || name === "sessions" || name === "audit") continue;
      for (const raw of BODIES) {
        const r = await call(handler, "/x", {
          method: "POST",
          rawBody: raw,
          headers: { cookie, "content-type": "application/json" },
          params: { id: ID },
        });
        expect(r.status, `${name} ${raw.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(r.status, `${name} ${raw.slice(0, 40)}`).toBeLessThan(500);
        expect((r.body as { error?: { id?: string } }).error?.id, name).toBeTruthy();
      }
    }
  });

  it("bad query strings, path ids and cookies", async () => {
    for (const handler of [targets.list, targets.sessions, targets.audit])
      for (const q of QUERIES) {
        const r = await call(handler, `/x${q}`, { headers: { cookie } });
        expect(r.status, q).toBeLessThan(500);
      }
    for (const id of ["x", "../../admin", "%2e%2e", "00000000-0000-0000-0000-00000000000g", ""]) {
      const r = await call(targets.patch, "/x", {
        method: "PATCH",
        body: { name: "a" },
        headers: { cookie },
        params: { id },
      });
      expect(r.status, id).toBe(400);
    }
    const { middleware } = await import("@/middleware");
    const { NextRequest } = await import("next/server");
    for (const bad of [
      "truss_session=",
      "truss_session=%ZZ",
      "truss_session=" + "A".repeat(5000),
      "truss_session=Fe26.2*1*x*y*z*w*v",
    ]) {
      const r = await call(targets.list, "/x", { headers: { cookie: bad } });
      expect(r.status, bad.slice(0, 30)).toBe(401);
      const page = await middleware(new NextRequest("http://127.0.0.1:8787/users", { headers: { cookie: bad } }));
      expect(page.status, bad.slice(0, 30)).toBe(307);
    }
    const v1 = (await import("@/app/v1/auth/identities/route")).GET;
    for (const key of ["x".repeat(10_000), "truss_sk_ünïcödé", "truss_sk_" + "A".repeat(49), "Bearer", ""]) {
      const r = await call(v1, "/v1/auth/identities", { headers: { apikey: key } });
      expect(r.status, key.slice(0, 20)).toBe(401);
    }
  });
});

describe("nesting depth", () => {
  it("a 5,000-level-deep metadata_public is refused with 400 naming the limit (no 500, nothing written)", async () => {
    const email = `deep-${Date.now()}@example.test`;
    // Written as text: serialising 5,000 levels would overflow this test's own stack.
    const rawBody = `{"email":"${email}","metadata_public":${'{"d":'.repeat(5000)}"leaf"${"}".repeat(5000)}}`;
    const r = await call(targets.create, "/api/auth/identities", {
      method: "POST",
      rawBody,
      headers: { cookie, "content-type": "application/json" },
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/nested at most 32 levels/);
    let ok: unknown = "leaf";
    for (let i = 0; i < 31; i++) ok = { d: ok };
    const created = await call(targets.create, "/api/auth/identities", {
      method: "POST",
      body: { email, metadata_public: ok },
      headers: { cookie },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });
});
