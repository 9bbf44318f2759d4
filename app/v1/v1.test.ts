import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";
import { email, userLogin, whoamiStatus } from "@/lib/testing/users";

const h: Harness = await startHarness();
const keys = await import("@/app/api/keys/route");
const key = await import("@/app/api/keys/[id]/route");
const dashList = await import("@/app/api/auth/identities/route");
const v1List = await import("@/app/v1/auth/identities/route");
const v1One = await import("@/app/v1/auth/identities/[id]/route");
const v1State = await import("@/app/v1/auth/identities/[id]/state/route");
const v1Reset = await import("@/app/v1/auth/identities/[id]/reset-password/route");
const v1Sessions = await import("@/app/v1/auth/identities/[id]/sessions/route");
const v1Import = await import("@/app/v1/auth/users/import/route");
const audit = await import("@/app/api/audit/route");

let cookie = "";
type Created = { key: { id: string; key_type: string; key_prefix: string; label: string }; secret: string };
type Err = { error: { id: string; message: string } };

async function newKey(keyType: "service_role" | "anon", label: string, rateLimit?: number) {
  const r = await call(keys.POST, "/api/keys", {
    method: "POST",
    body: { key_type: keyType, label, ...(rateLimit ? { rate_limit: rateLimit } : {}) },
    headers: { cookie },
  });
  expect(r.status).toBe(201);
  expect(r.headers.get("cache-control")).toBe("no-store");
  return r.body as Created;
}

beforeAll(async () => {
  cookie = await bootAndSignIn();
});
afterAll(() => h.close());

describe("API keys", () => {
  it("accepts the deprecated camelCase body (keyType, rateLimit) for one release, same as snake_case", async () => {
    const r = await call(keys.POST, "/api/keys", {
      method: "POST",
      body: { keyType: "anon", label: "old-client", rateLimit: 30 },
      headers: { cookie },
    });
    expect(r.status).toBe(201);
    expect((r.body as Created & { key: { rate_limit: number } }).key).toMatchObject({
      key_type: "anon",
      rate_limit: 30,
    });
    const none = await call(keys.POST, "/api/keys", {
      method: "POST",
      body: { label: "no-type" },
      headers: { cookie },
    });
    expect(none.status).toBe(400);
  });

  it("creates keys in the documented format; the secret is shown once and never listed", async () => {
    const sk = await newKey("service_role", "ci");
    expect(sk.secret).toMatch(/^truss_sk_[0-9A-Za-z]{49}$/);
    expect(sk.key).toMatchObject({ key_type: "service_role", label: "ci", key_prefix: sk.secret.slice(0, 13) });
    const pk = await newKey("anon", "web");
    expect(pk.secret).toMatch(/^truss_pk_/);
    const listed = await call(keys.GET, "/api/keys", { headers: { cookie } });
    expect(JSON.stringify(listed.body)).not.toContain(sk.secret);
    expect(JSON.stringify(listed.body)).not.toContain("secret_hash");
  });

  it("401 missing, one identical 401 for malformed/typo/unknown/revoked, 403 anon, query-string keys refused", async () => {
    const sk = await newKey("service_role", "status-codes");
    const pk = await newKey("anon", "status-codes-anon");
    const get = (headers: Record<string, string>, url = "/v1/auth/identities") => call(v1List.GET, url, { headers });
    const missing = await get({});
    expect(missing.status).toBe(401);
    const typo = sk.secret.slice(0, 20) + (sk.secret[20] === "A" ? "B" : "A") + sk.secret.slice(21);
    const unknown = `truss_sk_${"A".repeat(43)}`;
    const bodies = [];
    for (const k of ["garbage", typo, unknown + "000000"]) {
      const r = await get({ apikey: k });
      expect(r.status).toBe(401);
      bodies.push((r.body as Err).error.message);
    }
    await call(key.DELETE, "/x", { method: "DELETE", headers: { cookie }, params: { id: sk.key.id } });
    const revoked = await get({ apikey: sk.secret });
    expect(revoked.status).toBe(401);
    bodies.push((revoked.body as Err).error.message);
    expect(new Set(bodies).size).toBe(1);
    expect((await get({ apikey: pk.secret })).status).toBe(403);
    const live = await newKey("service_role", "live");
    expect((await get({}, `/v1/auth/identities?apikey=${live.secret}`)).status).toBe(400);
    expect((await get({ "x-api-key": live.secret })).status).toBe(200);
    expect((await get({ authorization: `Bearer ${live.secret}` })).status).toBe(200);
    // The listed revoked key stays, marked revoked.
    const listed = (await call(keys.GET, "/api/keys", { headers: { cookie } })).body as {
      items: { id: string; revoked_at: string | null }[];
    };
    expect(listed.items.find((k) => k.id === sk.key.id)!.revoked_at).not.toBeNull();
  });

  it("a dashboard cookie never authorises /v1 and a service key is never a dashboard login", async () => {
    const sk = await newKey("service_role", "fences");
    expect((await call(v1List.GET, "/v1/auth/identities", { headers: { cookie } })).status).toBe(401);
    expect((await call(dashList.GET, "/api/auth/identities", { headers: { apikey: sk.secret } })).status).toBe(401);
    expect(
      (await call(dashList.GET, "/api/auth/identities", { headers: { authorization: `Bearer ${sk.secret}` } })).status,
    ).toBe(401);
  });

  it("enforces a per-key rate limit with 429 and X-RateLimit headers", async () => {
    const limited = await newKey("service_role", "limited", 2);
    const h1 = await call(v1List.GET, "/v1/auth/identities", { headers: { apikey: limited.secret } });
    expect(h1.status).toBe(200);
    expect(h1.headers.get("x-ratelimit-limit")).toBe("2");
    expect(h1.headers.get("x-ratelimit-remaining")).toBe("1");
    expect((await call(v1List.GET, "/v1/auth/identities", { headers: { apikey: limited.secret } })).status).toBe(200);
    const over = await call(v1List.GET, "/v1/auth/identities", { headers: { apikey: limited.secret } });
    expect(over.status).toBe(429);
    expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("/v1/auth endpoints with a service_role key", () => {
  it("does everything the dashboard can, with the key as the audit actor", async () => {
    const { secret, key: k } = await newKey("service_role", "automation");
    const headers = { apikey: secret };
    const em = email("v1");
    const created = await call(v1List.POST, "/v1/auth/identities", {
      method: "POST",
      body: { email: em, password: "V1-user-pass-1" },
      headers,
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect((await call(v1One.GET, "/x", { headers, params: { id } })).body).toMatchObject({ email: em });
    const listed = await call(v1List.GET, `/v1/auth/identities?search=${em}`, { headers });
    expect((listed.body as { items: unknown[] }).items).toHaveLength(1);
    const token = await userLogin(h, em, "V1-user-pass-1");
    expect(
      ((await call(v1Sessions.GET, "/x", { headers, params: { id } })).body as { items: unknown[] }).items,
    ).toHaveLength(1);
    expect(
      (
        await call(v1Reset.POST, "/x", {
          method: "POST",
          body: { password: "V1-new-pass-22" },
          headers,
          params: { id },
        })
      ).status,
    ).toBe(200);
    expect(await whoamiStatus(h, token)).toBe(401);
    await userLogin(h, em, "V1-new-pass-22");
    expect((await call(v1Sessions.DELETE, "/x", { method: "DELETE", headers, params: { id } })).status).toBe(204);
    expect(
      (await call(v1State.PATCH, "/x", { method: "PATCH", body: { state: "inactive" }, headers, params: { id } })).body,
    ).toMatchObject({ state: "inactive" });
    const imported = await call(v1Import.POST, "/v1/auth/users/import", {
      method: "POST",
      body: { users: [{ email: email("v1imp"), password: "Imported-pass-1" }] },
      headers,
    });
    expect((imported.body as { summary: { created: number } }).summary.created).toBe(1);
    expect((await call(v1One.DELETE, "/x", { method: "DELETE", headers, params: { id } })).status).toBe(204);
    const log = (await call(audit.GET, `/api/audit?actor=${k.id}`, { headers: { cookie } })).body as {
      items: { action: string; actor_type: string; actor_label: string }[];
    };
    expect(log.items.map((e) => e.action)).toEqual([
      "identity.delete",
      "identity.import", // the imported row, under its users.import entry
      "users.import",
      "identity.deactivate",
      "identity.revoke_sessions",
      "identity.reset_password",
      "identity.create",
    ]);
    expect(log.items.every((e) => e.actor_type === "api_key" && e.actor_label === "automation")).toBe(true);
    const keyList = (await call(keys.GET, "/api/keys", { headers: { cookie } })).body as {
      items: { id: string; last_used_at: string | null }[];
    };
    expect(Date.parse(keyList.items.find((x) => x.id === k.id)!.last_used_at!)).toBeGreaterThan(Date.now() - 60_000);
  });
});
