import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevOidcProvider, type DevOidc } from "@/lib/oidc-dev/provider";
import { providerRoundTrip, TestBrowser } from "@/lib/testing/browser";
import { bootAndSignIn, call, onRealKratos, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk } from "@/lib/testing/users";

// End users sign in through Kratos's browser flow with the `custom` provider, served by a local OpenID provider
// (oidc-provider). The embedded Kratos does not speak OIDC, so this runs on real Kratos only.
const REASON = "needs real Kratos (the embedded server does not speak OIDC; TRUSS_TEST_KRATOS=real runs it)";

let h: Harness;
let oidc: DevOidc;
let kratosPublic = "";
let cookie = "";
const TRUSS = "http://127.0.0.1:8787";

if (onRealKratos) {
  oidc = await startDevOidcProvider({
    redirectUris: () => [`${kratosPublic}/self-service/methods/oidc/callback/custom`],
  });
  h = await startHarness(
    {
      KRATOS_OIDC_PROVIDERS: "custom,other,gone",
      KRATOS_OIDC_CUSTOM_ISSUER_URL: oidc.issuer,
      KRATOS_OIDC_CUSTOM_CLIENT_ID: oidc.clientId,
      KRATOS_OIDC_CUSTOM_CLIENT_SECRET: oidc.clientSecret,
      // The same provider under another id: its callback URL (…/callback/other) is not registered there.
      KRATOS_OIDC_OTHER_ISSUER_URL: oidc.issuer,
      KRATOS_OIDC_OTHER_CLIENT_ID: oidc.clientId,
      KRATOS_OIDC_OTHER_CLIENT_SECRET: oidc.clientSecret,
      // Nothing listens on port 9.
      KRATOS_OIDC_GONE_ISSUER_URL: "http://127.0.0.1:9",
      KRATOS_OIDC_GONE_CLIENT_ID: "gone",
      KRATOS_OIDC_GONE_CLIENT_SECRET: "gone-secret-value",
      KRATOS_TIMEOUT_MS: "3000",
    },
    {
      // Kratos's web hooks tell Truss about sign-ups and sign-ins (the users list reads Truss's index); the launcher
      // adds the web hook to registration.after.oidc.hooks below too, since that list hides the global one.
      hooks: true,
      // Social sign-up: a first sign-in with the provider registers the user and signs them in.
      kratosOverrides: {
        selfservice: {
          flows: {
            registration: { enabled: true, after: { oidc: { hooks: [{ hook: "session" }] } } },
            // After linking, Kratos shows the settings flow in the app's own account page.
            settings: { ui_url: "http://127.0.0.1:8787/account" },
          },
        },
      },
    },
  );
  kratosPublic = h.kratos.publicUrl;
}
const identities = onRealKratos ? await import("@/app/api/auth/identities/route") : null;
const one = onRealKratos ? await import("@/app/api/auth/identities/[id]/route") : null;
const providers = onRealKratos ? await import("@/app/api/auth/providers/route") : null;
const unlink = onRealKratos ? await import("@/app/api/auth/identities/[id]/providers/[provider]/route") : null;
const check = onRealKratos ? await import("@/app/api/auth/providers/[id]/check/route") : null;
const oidcStart = onRealKratos ? await import("@/app/api/auth/login/oidc/route") : null;
const oidcCallback = onRealKratos ? await import("@/app/api/auth/login/oidc/callback/route") : null;
const promote = onRealKratos ? await import("@/app/api/auth/identities/[id]/admin/route") : null;
const sessionRoute = onRealKratos ? await import("@/app/api/auth/session/route") : null;
const audit = onRealKratos ? await import("@/app/api/audit/route") : null;

beforeAll(async () => {
  if (onRealKratos) cookie = await bootAndSignIn();
});
afterAll(async () => {
  await h?.close();
  await oidc?.close();
});

type Ident = {
  id: string;
  email: string | null;
  display_name: string;
  traits: Record<string, unknown>;
  providers: { provider: string; subject: string }[];
  credential_types: string[];
};

/** A self-service browser flow (JSON mode) submitted with the oidc method; returns where Kratos sends the browser. */
async function startOidc(b: TestBrowser, flow: "login" | "registration" | "settings", body: Record<string, string>) {
  const init = await b.fetch(`${kratosPublic}/self-service/${flow}/browser`, {
    headers: { accept: "application/json" },
  });
  expect(init.status).toBe(200);
  const f = (await init.json()) as { id: string; ui: { nodes: { attributes: { name?: string; value?: unknown } }[] } };
  const csrf = f.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value as string;
  const res = await b.fetch(`${kratosPublic}/self-service/${flow}?flow=${f.id}`, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ csrf_token: csrf, ...body }),
  });
  const out = (await res.json()) as { redirect_browser_to?: string; error?: { id?: string } };
  expect(res.status, JSON.stringify(out)).toBe(422);
  expect(out.error?.id).toBe("browser_location_change_required");
  return out.redirect_browser_to!;
}

/** Provider login + consent, then Kratos's callback; returns the browser's Kratos session (whoami). */
async function finish(b: TestBrowser, authUrl: string, login: string) {
  const callback = await providerRoundTrip(b, authUrl, oidc.issuer, login);
  expect(callback.startsWith(`${kratosPublic}/self-service/methods/oidc/callback/custom`)).toBe(true);
  const end = await b.follow(callback, [kratosPublic]);
  expect(end.url.startsWith(TRUSS), `Kratos sent the browser to ${end.url}`).toBe(true); // back to the app
  const who = await b.fetch(`${kratosPublic}/sessions/whoami`, { headers: { accept: "application/json" } });
  return { status: who.status, body: (await who.json()) as { identity?: { id: string } } };
}

async function findByEmail(address: string): Promise<Ident> {
  // A user Kratos created reaches the list through its web hook, asynchronously: poll, at most 15 s.
  let item: Ident | undefined;
  for (const deadline = Date.now() + 15_000; !item && Date.now() < deadline;) {
    const r = await call(identities!.GET, `/api/auth/identities?search=${encodeURIComponent(address)}`, {
      headers: { cookie },
    });
    item = (r.body as { items: Ident[] }).items[0];
    if (!item) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(item, `no user ${address}`).toBeDefined();
  const full = await call(one!.GET, `/api/auth/identities/${item!.id}`, {
    headers: { cookie },
    params: { id: item!.id },
  });
  return full.body as Ident;
}

describe.skipIf(!onRealKratos)(`social sign-in through Kratos and a local OpenID provider (${REASON})`, () => {
  const login = `ada${Date.now().toString(36)}`;

  it("a first sign-in with the provider creates the user from the claims, signed in, with the provider link", async () => {
    const b = new TestBrowser();
    const who = await finish(b, await startOidc(b, "login", { method: "oidc", provider: "custom" }), login);
    expect(who.status).toBe(200);
    const u = await findByEmail(`${login}@oidc.test`);
    expect(who.body.identity?.id).toBe(u.id);
    // Truss's jsonnet mapper: the verified email and the given/family names into the default schema's traits.
    expect(u.traits).toEqual({
      email: `${login}@oidc.test`,
      name: { first: login.charAt(0).toUpperCase() + login.slice(1), last: "Tester" },
    });
    expect(u.providers).toEqual([{ provider: "custom", subject: login }]);
    expect(u.credential_types).toContain("oidc");
  });

  it("the user shows under the provider filter, the providers page counts the link, and the last way in stays", async () => {
    const listed = await call(identities!.GET, "/api/auth/identities?provider=custom", { headers: { cookie } });
    expect((listed.body as { items: Ident[] }).items.map((i) => i.email)).toContain(`${login}@oidc.test`);
    const p = await call(providers!.GET, "/api/auth/providers", { headers: { cookie } });
    const custom = (p.body as { items: { id: string; linked_identities: number | null }[] }).items.find(
      (i) => i.id === "custom",
    );
    expect(custom?.linked_identities).toBeGreaterThanOrEqual(1);
    const u = await findByEmail(`${login}@oidc.test`);
    const r = await call(unlink!.DELETE, `/api/auth/identities/${u.id}/providers/custom`, {
      method: "DELETE",
      headers: { cookie },
      params: { id: u.id, provider: "custom" },
    });
    expect(r.status).toBe(409); // the provider is this user's only way to sign in
  });

  it("signing in again with the provider signs in the same identity", async () => {
    const b = new TestBrowser();
    const who = await finish(b, await startOidc(b, "login", { method: "oidc", provider: "custom" }), login);
    expect(who.body.identity?.id).toBe((await findByEmail(`${login}@oidc.test`)).id);
  });

  it("registration with the provider (the sign-up variant) creates a user too", async () => {
    const b = new TestBrowser();
    const reg = `reg${Date.now().toString(36)}`;
    const who = await finish(b, await startOidc(b, "registration", { method: "oidc", provider: "custom" }), reg);
    expect(who.status).toBe(200);
    expect((await findByEmail(`${reg}@oidc.test`)).providers).toEqual([{ provider: "custom", subject: reg }]);
  });

  it("a password user links the provider in settings, and Truss can then unlink it", async () => {
    const address = email("linker");
    const password = "Linker-pass-1234";
    const { identity } = sdk(h);
    const created = await identity.createIdentity({
      createIdentityBody: {
        schema_id: "default",
        traits: { email: address },
        credentials: { password: { config: { password } } },
      },
    });
    const b = new TestBrowser();
    const init = await b.fetch(`${kratosPublic}/self-service/login/browser`, {
      headers: { accept: "application/json" },
    });
    const f = (await init.json()) as {
      id: string;
      ui: { nodes: { attributes: { name?: string; value?: unknown } }[] };
    };
    const csrf = f.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value as string;
    const signedIn = await b.fetch(`${kratosPublic}/self-service/login?flow=${f.id}`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ csrf_token: csrf, method: "password", identifier: address, password }),
    });
    expect(signedIn.status).toBe(200);
    const who = await finish(
      b,
      await startOidc(b, "settings", { method: "oidc", link: "custom" }),
      `link${Date.now().toString(36)}`,
    );
    expect(who.body.identity?.id).toBe(created.data.id);
    const linked = await findByEmail(address);
    expect(linked.providers.map((p) => p.provider)).toEqual(["custom"]);
    const r = await call(unlink!.DELETE, `/api/auth/identities/${linked.id}/providers/custom`, {
      method: "DELETE",
      headers: { cookie },
      params: { id: linked.id, provider: "custom" },
    });
    expect(r.status).toBe(204); // the password remains
    expect((await findByEmail(address)).providers).toEqual([]);
  });

  it("the provider check passes against the local provider and names what is wrong otherwise, within the timeout", async () => {
    type Check = { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] };
    const run = async (id: string) => {
      const started = Date.now();
      const r = await call(check!.GET, `/api/auth/providers/${id}/check`, { headers: { cookie }, params: { id } });
      expect(r.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(3000 + 1500); // KRATOS_TIMEOUT_MS, plus the request itself
      return r.body as Check;
    };
    const good = await run("custom");
    expect(good.checks.map((c) => [c.name, c.ok])).toEqual([
      ["settings", true],
      ["discovery", true],
      ["issuer", true],
      ["endpoints", true],
      ["scopes", true],
      ["redirect URI", true],
    ]);
    const other = await run("other");
    expect(other.ok).toBe(false);
    expect(other.checks.find((c) => c.name === "redirect URI")?.detail).toMatch(
      /refuses the callback URL .*\/callback\/other/,
    );
    const gone = await run("gone");
    expect(gone.checks.find((c) => c.name === "discovery")).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/unreachable/) as unknown,
    });
  });

  describe("admins sign in to the dashboard with the provider", () => {
    const adminLogin = `boss${Date.now().toString(36)}`;

    /** Button → Kratos native flow → provider → Kratos → Truss's callback; returns Truss's answer to the callback. */
    async function dashboardSignIn() {
      const start = await call(oidcStart!.POST, "/api/auth/login/oidc", {
        method: "POST",
        body: { provider: "custom" },
      });
      expect(start.status, JSON.stringify(start.body)).toBe(200);
      const pending = start.headers.get("set-cookie")!.split(";")[0]!;
      expect(pending).toMatch(/^truss_oidc=/);
      const b = new TestBrowser();
      const callback = await providerRoundTrip(
        b,
        (start.body as { redirect_to: string }).redirect_to,
        oidc.issuer,
        adminLogin,
      );
      const back = await b.follow(callback, [kratosPublic]);
      expect(back.url.startsWith(`${TRUSS}/api/auth/login/oidc/callback?`), back.url).toBe(true);
      const res = await call(oidcCallback!.GET, back.url, { headers: { cookie: pending } });
      return { res, back: back.url, pending };
    }

    it("refuses an identity without the admin marker: no Truss session, a clear reason", async () => {
      const { res } = await dashboardSignIn();
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${TRUSS}/login?error=not_admin`);
      expect(res.headers.getSetCookie().some((c) => c.startsWith("truss_session="))).toBe(false);
    });

    it("signs an admin in: truss_session is set, the session is theirs, and the audit records the method", async () => {
      const u = await findByEmail(`${adminLogin}@oidc.test`);
      const p = await call(promote!.POST, `/api/auth/identities/${u.id}/admin`, {
        method: "POST",
        headers: { cookie },
        params: { id: u.id },
      });
      expect(p.status).toBe(200);
      const { res } = await dashboardSignIn();
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${TRUSS}/`);
      const session = res.headers.getSetCookie().find((c) => c.startsWith("truss_session="))!;
      expect(session).toMatch(/HttpOnly/);
      const me = await call(sessionRoute!.GET, "/api/auth/session", { headers: { cookie: session.split(";")[0]! } });
      expect((me.body as { admin: { id: string } }).admin.id).toBe(u.id);
      const log = await call(audit!.GET, `/api/audit?target=${u.id}`, { headers: { cookie } });
      const entries = (log.body as { items: { action: string; outcome: string; details: unknown }[] }).items;
      expect(entries.find((e) => e.action === "admin.login" && e.outcome === "success")?.details).toMatchObject({
        method: "oidc:custom",
      });
    });

    it("a callback without the browser's pending cookie, or replayed, signs nobody in", async () => {
      const { back, pending } = await dashboardSignIn();
      // The same code again (it was spent above), and a fresh code without the pending cookie.
      const replay = await call(oidcCallback!.GET, back, { headers: { cookie: pending } });
      expect(replay.headers.get("location")).toBe(`${TRUSS}/login?error=oidc_failed`);
      const again = await dashboardSignIn().catch(() => null);
      expect(again).not.toBeNull();
      const stolen = await call(oidcCallback!.GET, again!.back, { headers: {} });
      expect(stolen.headers.get("location")).toBe(`${TRUSS}/login?error=oidc_failed`);
    });
  });
});
