import http from "node:http";
import type { AddressInfo } from "node:net";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk } from "@/lib/testing/users";

// A local OIDC issuer: /good serves a consistent discovery document, /wrong a mismatched issuer, /slow never answers.
const issuer = http.createServer((req, res) => {
  const base = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}`;
  if (req.url?.startsWith("/slow")) return; // hangs until the check times out
  const good = req.url?.startsWith("/good");
  res.setHeader("content-type", "application/json");
  res.end(
    JSON.stringify({
      issuer: good ? `${base}/good` : "https://someone-else.test",
      authorization_endpoint: `${base}/auth`,
      token_endpoint: `${base}/token`,
      scopes_supported: ["openid", "email", "profile"],
    }),
  );
});
await new Promise<void>((r) => issuer.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}`;

const h: Harness = await startHarness({
  KRATOS_OIDC_PROVIDERS: "google,github,acme,wrong,slow",
  KRATOS_OIDC_GOOGLE_CLIENT_ID: "123-abc.apps.googleusercontent.com",
  KRATOS_OIDC_GOOGLE_CLIENT_SECRET: "google-secret-value",
  KRATOS_OIDC_ACME_ISSUER_URL: `${base}/good`,
  KRATOS_OIDC_ACME_CLIENT_ID: "acme",
  KRATOS_OIDC_ACME_CLIENT_SECRET: "acme-secret-value",
  KRATOS_OIDC_WRONG_ISSUER_URL: `${base}/wrong`,
  KRATOS_OIDC_WRONG_CLIENT_ID: "w",
  KRATOS_OIDC_WRONG_CLIENT_SECRET: "w-secret-value",
  KRATOS_OIDC_SLOW_ISSUER_URL: `${base}/slow`,
  KRATOS_OIDC_SLOW_CLIENT_ID: "s",
  KRATOS_OIDC_SLOW_CLIENT_SECRET: "s-secret-value",
});
const providers = await import("@/app/api/auth/providers/route");
const check = await import("@/app/api/auth/providers/[id]/check/route");
const config = await import("@/app/api/auth/providers/kratos-config/route");
const unlink = await import("@/app/api/auth/identities/[id]/providers/[provider]/route");
const list = await import("@/app/api/auth/identities/route");
const imp = await import("@/app/api/auth/users/import/route");

let cookie = "";
beforeAll(async () => {
  cookie = await bootAndSignIn();
});
afterAll(async () => {
  issuer.close();
  await h.close();
});

type P = { id: string; type: string; status: string; missing: string[]; callback_url: string };

describe("providers API", () => {
  it("lists providers with status, missing env names and the callback URL; never secrets", async () => {
    const r = await call(providers.GET, "/api/auth/providers", { headers: { cookie } });
    expect(r.status).toBe(200);
    const items = (r.body as { items: P[] }).items;
    expect(items.map((p) => [p.id, p.type, p.status])).toEqual([
      ["google", "google", "ready"],
      ["github", "github", "incomplete"],
      ["acme", "generic", "ready"],
      ["wrong", "generic", "ready"],
      ["slow", "generic", "ready"],
    ]);
    expect(items[1]!.missing).toEqual(["KRATOS_OIDC_GITHUB_CLIENT_ID", "KRATOS_OIDC_GITHUB_CLIENT_SECRET"]);
    expect(items[0]!.callback_url).toBe(`${h.kratos.publicUrl}/self-service/methods/oidc/callback/google`);
    expect(JSON.stringify(r.body)).not.toContain("secret-value");
    expect((await call(providers.GET, "/api/auth/providers")).status).toBe(401);
  });

  it("checks a custom issuer's discovery document: reachable, wrong issuer, timeout", async () => {
    const run = async (id: string) =>
      (await call(check.POST, "/x", { method: "POST", headers: { cookie }, params: { id } })).body as {
        ok: boolean;
        checks: { name: string; ok: boolean }[];
      };
    const good = await run("acme");
    expect(good.ok).toBe(true);
    const wrong = await run("wrong");
    expect(wrong.ok).toBe(false);
    expect(wrong.checks.find((c) => c.name === "issuer")!.ok).toBe(false);
    const slow = await run("slow");
    expect(slow.ok).toBe(false);
    expect(slow.checks.find((c) => c.name === "discovery")).toMatchObject({
      ok: false,
      detail: expect.stringContaining("no answer") as unknown,
    });
    expect((await run("google")).checks.find((c) => c.name === "client id format")!.ok).toBe(true);
    expect((await call(check.POST, "/x", { method: "POST", headers: { cookie }, params: { id: "nope" } })).status).toBe(
      404,
    );
  }, 20_000);

  it("keeps each provider's newest check (verdict, time, who) in the list, so a reload still shows it", async () => {
    const before = (
      (await call(providers.GET, "/api/auth/providers", { headers: { cookie } })).body as {
        items: { id: string; last_check: unknown }[];
      }
    ).items;
    expect(before.find((p) => p.id === "github")!.last_check, "never checked").toBeNull();
    const started = new Date().toISOString();
    const ran = (await call(check.POST, "/x", { method: "POST", headers: { cookie }, params: { id: "wrong" } }))
      .body as { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] };
    await call(check.POST, "/x", { method: "POST", headers: { cookie }, params: { id: "acme" } });
    const items = (
      (await call(providers.GET, "/api/auth/providers", { headers: { cookie } })).body as {
        items: { id: string; last_check: { ok: boolean; at: string; by: string | null; checks: unknown[] } | null }[];
      }
    ).items;
    const wrong = items.find((p) => p.id === "wrong")!.last_check!;
    expect(wrong).toMatchObject({ ok: false, by: ADMIN.email, checks: ran.checks });
    expect(wrong.at >= started).toBe(true);
    expect(items.find((p) => p.id === "acme")!.last_check).toMatchObject({ ok: true, by: ADMIN.email });
    expect(items.find((p) => p.id === "github")!.last_check).toBeNull();
  }, 20_000);

  it("serves the Kratos OIDC config as YAML without secrets", async () => {
    const r = await call(config.GET, "/x", { headers: { cookie } });
    const body = r.body as { yaml: string };
    expect(YAML.parse(body.yaml)).toMatchObject({ selfservice: { methods: { oidc: { enabled: true } } } });
    expect(body.yaml).not.toContain("secret-value");
  });

  it("Kratos renders oidc nodes first in login flows, sorted by provider id", async () => {
    const flow = (await sdk(h).frontend.createNativeLoginFlow()).data;
    const oidc = flow.ui.nodes.filter((n) => n.group === "oidc");
    expect(oidc.map((n) => (n.attributes as { value?: string }).value)).toEqual([
      "acme",
      "github",
      "google",
      "slow",
      "wrong",
    ]);
    expect(flow.ui.nodes[0]!.group).toBe("oidc");
    expect(oidc[2]!.meta.label).toMatchObject({ id: 1010002, text: "Sign in with Google" });
  });
});

describe("linked accounts", () => {
  it("imports social links, filters users by provider, and unlinks (never the last way to sign in)", async () => {
    const withPassword = email("linked");
    const oidcOnly = email("oidconly");
    const r = await call(imp.POST, "/api/auth/users/import", {
      method: "POST",
      headers: { cookie },
      body: {
        users: [
          { email: withPassword, password: "Linked-pass-123", providers: [{ provider: "google", subject: "g-1" }] },
          { email: oidcOnly, providers: [{ provider: "google", subject: "g-2" }] },
        ],
      },
    });
    expect((r.body as { summary: { created: number } }).summary.created).toBe(2);
    const filtered = await call(list.GET, "/api/auth/identities?provider=google&page_size=500", {
      headers: { cookie },
    });
    const items = (
      filtered.body as { items: { id: string; email: string; providers: { provider: string; subject: string }[] }[] }
    ).items;
    expect(items.map((i) => i.email).sort()).toEqual([withPassword, oidcOnly].sort());
    expect(items.find((i) => i.email === withPassword)!.providers).toEqual([{ provider: "google", subject: "g-1" }]);
    const a = items.find((i) => i.email === withPassword)!.id;
    const b = items.find((i) => i.email === oidcOnly)!.id;
    const unlinkGoogle = async (id: string) =>
      (await call(unlink.DELETE, "/x", { method: "DELETE", headers: { cookie }, params: { id, provider: "google" } }))
        .status;
    expect(await unlinkGoogle(b)).toBe(409);
    expect(await unlinkGoogle(a)).toBe(204);
    expect(await unlinkGoogle(a)).toBe(404);
  });
});
