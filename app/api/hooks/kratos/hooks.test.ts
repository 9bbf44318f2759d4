import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk, userLogin } from "@/lib/testing/users";

// Kratos's web hooks reach POST /api/hooks/kratos over real HTTP (lib/testing/route-server.ts): the embedded Kratos
// sends them itself, real Kratos (TRUSS_TEST_KRATOS=real) from deploy/kratos/kratos.yml's web_hook actions.
const h: Harness = await startHarness(
  { TRUSS_INDEX_RECONCILE_SECONDS: "0" }, // no background pass: what the list shows here came from hooks
  {
    hooks: true,
    // Real Kratos: open sign-up with a method-specific list (which hides the global one), as apps configure it.
    kratosOverrides: {
      selfservice: {
        flows: { registration: { enabled: true, after: { password: { hooks: [{ hook: "session" }] } } } },
      },
    },
  },
);
const hook = await import("@/app/api/hooks/kratos/route");
const identities = await import("@/app/api/auth/identities/route");
const stats = await import("@/app/api/stats/route");

const PASSWORD = "Strong-pass-for-hooks-123";
let cookie = "";
type Listed = { id: string; email: string | null; name: string | null; last_sign_in_at?: string | null };
type Stats = { sign_ins: { last_30_days: number }; sign_ins_per_day: { date: string; count: number }[] };
type Err = { error: { id: string; code: number } };

/** Polls `fn` until it returns something truthy (Kratos's hooks are asynchronous); at most `ms`. */
async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function listed(address: string): Promise<Listed | undefined> {
  const r = await call(identities.GET, `/api/auth/identities?q=${encodeURIComponent(address)}`, {
    headers: { cookie },
  });
  expect(r.status).toBe(200);
  return (r.body as { items: Listed[] }).items.find((i) => i.email === address);
}

async function getStats(): Promise<Stats> {
  const r = await call(stats.GET, "/api/stats", { headers: { cookie } });
  expect(r.status).toBe(200);
  return r.body as Stats;
}
const today = (s: Stats) =>
  s.sign_ins_per_day.find((d) => d.date === new Date().toISOString().slice(0, 10))?.count ?? 0;

async function createUser(): Promise<Listed> {
  const r = await call(identities.POST, "/api/auth/identities", {
    method: "POST",
    body: { email: email("hook"), password: PASSWORD },
    headers: { cookie },
  });
  expect(r.status).toBe(201);
  return r.body as Listed;
}

const post = (body: unknown, headers: Record<string, string> = { "x-truss-hook-secret": h.hooks!.secret }) =>
  call(hook.POST, "/api/hooks/kratos", { method: "POST", body, headers });

beforeAll(async () => {
  cookie = await bootAndSignIn();
  // The admin's own sign-in goes through Kratos too: let its hook land before anything is counted.
  await until("admin sign-in from the hook", async () => (await listed(ADMIN.email))?.last_sign_in_at);
});
afterAll(() => h.close());

describe("POST /api/hooks/kratos", () => {
  const body = () => ({ event: "login", identity_id: randomUUID(), flow_id: null, session: null });

  it("refuses a call without the secret or with a wrong one (401 envelope), over HTTP too", async () => {
    const none: Record<string, string> = {};
    for (const headers of [none, { "x-truss-hook-secret": "wrong-secret-wrong-secret-wrong-secret-0" }]) {
      const r = await post(body(), headers);
      expect(r.status).toBe(401);
      expect((r.body as Err).error).toMatchObject({ id: "unauthorized", code: 401 });
    }
    const res = await fetch(h.hooks!.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-truss-hook-secret": `${h.hooks!.secret}x` },
      body: JSON.stringify(body()),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as Err).error.id).toBe("unauthorized");
  });

  it("refuses an oversized body (413) and a malformed one (400 validation_failed); GET is 405", async () => {
    const big = await call(hook.POST, "/api/hooks/kratos", {
      method: "POST",
      rawBody: JSON.stringify({ ...body(), pad: "x".repeat(20_000) }),
      headers: { "content-type": "application/json", "x-truss-hook-secret": h.hooks!.secret },
    });
    expect(big.status).toBe(413);
    expect((big.body as Err).error.id).toBe("payload_too_large");
    for (const bad of [{ ...body(), event: "logout" }, { ...body(), identity_id: "not-a-uuid" }, { event: "login" }]) {
      const r = await post(bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect((r.body as Err).error.id).toBe("validation_failed");
    }
    const get = await call(hook.GET, "/api/hooks/kratos");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toContain("POST");
    expect((get.body as Err).error.id).toBe("method_not_allowed");
  });

  it("is idempotent: the same sign-in delivered three times (twice in-process, once over HTTP) counts once", async () => {
    const u = await createUser();
    const before = await getStats();
    const at = new Date().toISOString();
    const signIn = {
      event: "login",
      identity_id: u.id,
      flow_id: randomUUID(),
      session: { id: randomUUID(), authenticated_at: at, methods: [{ method: "password", provider: null }] },
    };
    expect((await post(signIn)).status).toBe(204);
    expect((await post(signIn)).status).toBe(204);
    const res = await fetch(h.hooks!.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-truss-hook-secret": h.hooks!.secret },
      body: JSON.stringify(signIn),
    });
    expect(res.status).toBe(204);
    const after = await getStats();
    expect(after.sign_ins.last_30_days).toBe(before.sign_ins.last_30_days + 1);
    expect(today(after)).toBe(today(before) + 1);
    expect((await listed(u.email!))?.last_sign_in_at).toBe(at);
  });
});

describe(`Kratos's web hooks (${h.backend} Kratos)`, () => {
  it("a user signing in directly against Kratos shows up in the users list and the sign-in counts", async () => {
    const u = await createUser();
    expect((await listed(u.email!))?.last_sign_in_at ?? null).toBeNull();
    const before = await getStats();
    const started = Date.now();
    await userLogin(h, u.email!, PASSWORD);
    const seen = await until("last_sign_in_at from the hook", async () => (await listed(u.email!))?.last_sign_in_at);
    expect(Math.abs(Date.parse(seen) - started)).toBeLessThan(60_000);
    const after = await until("today's sign-in count", async () => {
      const s = await getStats();
      return today(s) > today(before) && s;
    });
    expect(after.sign_ins.last_30_days).toBeGreaterThan(before.sign_ins.last_30_days);
  });

  // Real Kratos v26.2.0's login hook renders ctx.session before the session is saved (the id is then often the nil
  // UUID) and with nanosecond times (Postgres keeps microseconds): sign-ins are keyed by identity and millisecond.
  it("a reconciler pass after the hooks does not count the same sign-ins again", async () => {
    const u = await createUser();
    await userLogin(h, u.email!, PASSWORD);
    await until("last_sign_in_at from the hook", async () => (await listed(u.email!))?.last_sign_in_at);
    const { reconcileOnce } = await import("@/lib/server/services/identity-index");
    await reconcileOnce(); // earlier sign-ins' keys were settled by the test above's hooks too
    const before = await getStats();
    await reconcileOnce();
    expect((await getStats()).sign_ins.last_30_days).toBe(before.sign_ins.last_30_days);
    const fresh = await createUser();
    await userLogin(h, fresh.email!, PASSWORD);
    await until("last_sign_in_at from the hook", async () => (await listed(fresh.email!))?.last_sign_in_at);
    const hooked = await getStats();
    expect(hooked.sign_ins.last_30_days).toBe(before.sign_ins.last_30_days + 1);
    await reconcileOnce();
    expect((await getStats()).sign_ins.last_30_days).toBe(hooked.sign_ins.last_30_days);
  });

  it("a sign-up through Kratos's registration flow appears in the users list", async () => {
    const address = email("signup");
    const { frontend } = sdk(h);
    const flow = (await frontend.createNativeRegistrationFlow()).data;
    await frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: "password", traits: { email: address }, password: PASSWORD },
    });
    await until("the new user from the registration hook", () => listed(address));
  });

  it("a profile change through Kratos's settings flow reaches the users list", async () => {
    const u = await createUser();
    const token = await userLogin(h, u.email!, PASSWORD);
    const { frontend } = sdk(h);
    const flow = (await frontend.createNativeSettingsFlow({ xSessionToken: token })).data;
    await frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token,
      updateSettingsFlowBody: {
        method: "profile",
        traits: { email: u.email, name: { first: "Grace", last: "Hopper" } },
      },
    });
    await until("the new name from the settings hook", async () => (await listed(u.email!))?.name?.includes("Grace"));
  });

  it("a deletion made directly in Kratos leaves the users list after one reconciler pass", async () => {
    const u = await createUser();
    expect(await listed(u.email!)).toBeDefined();
    await sdk(h).identity.deleteIdentity({ id: u.id });
    const { reconcileOnce } = await import("@/lib/server/services/identity-index");
    await reconcileOnce();
    expect(await listed(u.email!)).toBeUndefined();
  });
});
