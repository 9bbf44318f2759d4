import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedKratos, defaultIdentitySchema, openStore, resolveConfig } from "./index";
import { failure, startTestKratos, uniqueEmail, type TestKratos } from "@/lib/testing/embedded-kratos";

let t: TestKratos;
beforeAll(async () => {
  t = await startTestKratos();
});
afterAll(async () => t.stop());

describe("health, version, routing", () => {
  it("serves health on both ports, version on admin only, and the /admin rewrite", async () => {
    for (const url of [
      `${t.kratos.publicUrl}/health/alive`,
      `${t.kratos.adminUrl}/health/ready`,
      `${t.kratos.adminUrl}/admin/health/alive`,
    ]) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
    }
    const version = await fetch(`${t.kratos.adminUrl}/version`);
    expect(((await version.json()) as { version: string }).version).toMatch(/^v26\.2\.0/);
    expect((await fetch(`${t.kratos.publicUrl}/version`)).status).toBe(404);
    const unprefixed = await fetch(`${t.kratos.adminUrl}/identities?page_size=1`);
    expect(unprefixed.status).toBe(200);
    expect(unprefixed.headers.get("link")).toContain("</admin/identities?");
    const redirect = await fetch(`${t.kratos.publicUrl}/admin/identities?page_size=1`, { redirect: "manual" });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("location")).toBe(`${t.kratos.adminUrl}/admin/identities?page_size=1`);
    const unknown = await fetch(`${t.kratos.adminUrl}/admin/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("404 page not found\n"); // Go's http.NotFound, as Kratos's router answers
  });

  it("serves identity schemas by id and by base64url id", async () => {
    const list = await t.identity.listIdentitySchemas({});
    expect(list.data).toEqual([{ id: "default", schema: defaultIdentitySchema }]);
    expect(list.headers["x-total-count"]).toBe("1");
    expect(list.headers.link).toContain('rel="first"');
    expect((await t.identity.getIdentitySchema({ id: "default" })).data).toEqual(defaultIdentitySchema);
    expect((await t.identity.getIdentitySchema({ id: "ZGVmYXVsdA" })).data).toEqual(defaultIdentitySchema);
    const missing = await failure(t.identity.getIdentitySchema({ id: "x" }));
    expect(missing.status).toBe(404);
    expect(missing.data.error.reason).toBe("Identity schema `x` could not be found.");
  });

  it("ships identity.schema.json byte-identical to the TS module", () => {
    const file = readFileSync(join(import.meta.dirname, "identity.schema.json"), "utf8");
    expect(file).toBe(`${JSON.stringify(defaultIdentitySchema, null, 2)}\n`);
  });
});

describe("recovery", () => {
  it("creates recovery codes and links", async () => {
    const { data } = await t.identity.createIdentity({
      createIdentityBody: { schema_id: "default", traits: { email: uniqueEmail() } },
    });
    const code = await t.identity.createRecoveryCodeForIdentity({
      createRecoveryCodeForIdentityBody: { identity_id: data.id, expires_in: "30m" },
    });
    expect(code.status).toBe(201);
    expect(code.data.recovery_code).toMatch(/^\d{6}$/);
    expect(code.data.recovery_link).toContain("https://www.ory.sh/kratos/docs/fallback/recovery?flow="); // Kratos's default ui_url
    const minutes = (new Date(code.data.expires_at ?? 0).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    const link = await t.identity.createRecoveryLinkForIdentity({
      createRecoveryLinkForIdentityBody: { identity_id: data.id, expires_in: "1h" },
    });
    expect(link.status).toBe(200);
    expect(link.data.recovery_link).toMatch(/&token=[A-Za-z0-9]{32}$/);
    const unknown = await failure(
      t.identity.createRecoveryCodeForIdentity({
        createRecoveryCodeForIdentityBody: { identity_id: crypto.randomUUID() },
      }),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.data.error.reason).toBe("could not find identity");
    const badDuration = await failure(
      t.identity.createRecoveryCodeForIdentity({
        createRecoveryCodeForIdentityBody: { identity_id: data.id, expires_in: "soon" },
      }),
    );
    expect(badDuration.status).toBe(400);
  });
});

describe("persistence", () => {
  it("keeps identities and sessions across a restart", async () => {
    const first = await startTestKratos();
    const email = uniqueEmail();
    await first.identity.createIdentity({
      createIdentityBody: {
        schema_id: "default",
        traits: { email },
        credentials: { password: { config: { password: "persist-me" } } },
      },
    });
    const flow = await first.frontend.createNativeLoginFlow();
    const login = await first.frontend.updateLoginFlow({
      flow: flow.data.id,
      updateLoginFlowBody: { method: "password", identifier: email, password: "persist-me" },
    });
    await first.kratos.close();
    const second = await startTestKratos({ dataDir: first.dataDir });
    try {
      const who = await second.frontend.toSession({ xSessionToken: login.data.session_token });
      expect(who.data.identity?.traits).toEqual({ email });
      const list = await second.identity.listIdentities({ credentialsIdentifier: email });
      expect(list.data).toHaveLength(1);
    } finally {
      await second.stop();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });
});

describe("createEmbeddedKratos (no listeners)", () => {
  it("serves both routers through app.request()", async () => {
    const store = openStore(":memory:");
    const urls = { publicBaseUrl: "http://public.test", adminBaseUrl: "http://admin.test" };
    const k = createEmbeddedKratos({ store, config: resolveConfig({ bcryptCost: 4 }, urls) });
    try {
      const created = await k.adminApp.request("/identities", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ traits: { email: "app@request.test" } }),
      });
      expect(created.status).toBe(201);
      expect(created.headers.get("location")).toMatch(/^http:\/\/admin\.test\/identities\//);
      const flow = await k.publicApp.request("/self-service/login/api");
      expect(((await flow.json()) as { ui: { action: string } }).ui.action).toMatch(/^http:\/\/public\.test\//);
    } finally {
      store.close();
    }
  });
});
