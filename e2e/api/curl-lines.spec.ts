import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../fixtures";

// The README's curl lines, as requests against the production build (cookie from the setup project).
test.describe("documented curl lines", () => {
  test("the dashboard API lines work as written", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.ok()).toBeTruthy();
    expect(await health.json()).toMatchObject({
      status: "ok",
      kratos: { mode: process.env.E2E_KRATOS === "real" ? "external" : "embedded" },
    });

    const email = uniqueEmail("curl");
    const created = await request.post("/api/auth/identities", {
      headers: { "Content-Type": "application/json" },
      data: { email, password: "securepassword123" },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const listed = await request.get("/api/auth/identities");
    expect(listed.ok()).toBeTruthy();
    expect(((await listed.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

    const alice = uniqueEmail("alice");
    const bob = uniqueEmail("bob");
    const imported = await request.post("/api/auth/users/import", {
      headers: { "Content-Type": "application/json" },
      data: {
        users: [
          { email: alice, password: "pass1234" },
          { email: bob, password: "pass5678" },
        ],
      },
    });
    expect(await imported.json()).toMatchObject({ summary: { created: 2, failed: 0 } });

    // A user session exists for `email` once they sign in through Kratos; the dashboard login refuses non-admins.
    const reset = await request.post(`/api/auth/identities/${id}/reset-password`, {
      headers: { "Content-Type": "application/json" },
      data: { password: "newpassword123" },
    });
    expect(reset.status()).toBe(200);

    const deactivated = await request.patch(`/api/auth/identities/${id}/state`, {
      headers: { "Content-Type": "application/json" },
      data: { state: "inactive" },
    });
    expect(await deactivated.json()).toMatchObject({ state: "inactive" });

    const sessions = await request.get("/api/auth/sessions");
    expect(sessions.ok()).toBeTruthy();
    const mine = ((await sessions.json()) as { items: { id: string; identity_email: string }[] }).items.find(
      (s) => s.identity_email === "admin@e2e.test",
    );
    expect(mine).toBeTruthy();

    expect((await request.delete(`/api/auth/identities/${id}/sessions`)).status()).toBe(204);
    expect((await request.delete(`/api/auth/sessions/00000000-0000-4000-8000-000000000000`)).status()).toBe(404);
  });

  test("the client API lines work with a service_role key", async ({ request, playwright, baseURL }) => {
    const created = await request.post("/api/keys", {
      headers: { "Content-Type": "application/json" },
      data: { key_type: "service_role", label: "e2e" },
    });
    expect(created.status()).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    // A fresh context without the dashboard cookie, like an external server.
    const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const listed = await api.get("/v1/auth/identities", { headers: { apikey: secret } });
    expect(listed.ok()).toBeTruthy();
    const first = ((await listed.json()) as { items: { id: string }[] }).items[0]!;
    const one = await api.get(`/v1/auth/identities/${first.id}`, { headers: { apikey: secret } });
    expect(await one.json()).toMatchObject({ id: first.id });
    expect((await api.get("/v1/auth/identities")).status()).toBe(401);
    expect((await api.get("/api/auth/identities")).status()).toBe(401);
    const unknown = await api.get("/v1/auth/nope", { headers: { apikey: secret } });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { id: "not_found", code: 404 } });
    const spec = await api.get("/v1/openapi.json");
    expect(((await spec.json()) as { openapi: string }).openapi).toBe("3.1.0");
    await api.dispose();
  });

  test("pages redirect to /login without a cookie, keeping where the admin came from", async ({
    playwright,
    baseURL,
  }) => {
    const anon = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const r = await anon.get("/users?state=active", { maxRedirects: 0 });
    expect(r.status()).toBe(307);
    expect(r.headers().location).toContain("/login?next=%2Fusers%3Fstate%3Dactive");
    await anon.dispose();
  });
});
