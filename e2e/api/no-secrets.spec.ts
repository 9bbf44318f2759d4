import { expect, test } from "@playwright/test";
import { DASHBOARD_PAGES } from "../fixtures";

// Values e2e-server.ts gives the server; none may appear in any page, script or API answer.
const CANARIES = [
  "e2e-admin-token-canary-5f1c",
  "e2e-google-secret-canary-9d2e",
  "e2e-session-secret-canary-0123456789abcdef",
];
const PAGES = [...DASHBOARD_PAGES, "/login", "/setup"];
const APIS = [
  "/api/health",
  "/api/auth/courier/messages",
  "/api/auth/providers",
  "/api/auth/providers/kratos-config",
  "/api/keys",
  "/api/stats",
  "/api/auth/session",
  "/v1/openapi.json",
];

test.describe("secrets", () => {
  test("no secret reaches any page, script bundle or API answer", async ({ request }) => {
    const scripts = new Set<string>();
    for (const path of [...PAGES, ...APIS]) {
      const res = await request.get(path);
      const body = await res.text();
      for (const c of CANARIES) expect(body, `${path} leaks a secret`).not.toContain(c);
      for (const m of body.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) scripts.add(m[1]!);
    }
    expect(scripts.size).toBeGreaterThan(0);
    for (const src of scripts) {
      const js = await (await request.get(src)).text();
      for (const c of CANARIES) expect(js, `${src} leaks a secret`).not.toContain(c);
      expect(js, `${src} contains the admin URL variable`).not.toContain("KRATOS_ADMIN_TOKEN");
    }
  });

  test("pages carry a per-request nonce CSP without unsafe-inline scripts, and every inline script has the nonce", async ({
    request,
  }) => {
    const nonces = new Set<string>();
    for (const path of ["/users", "/login"]) {
      const res = await request.get(path);
      const csp = res.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, `${path} has a nonce`).toBeTruthy();
      expect(csp).toContain("'strict-dynamic'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(/script-src[^;]*'unsafe-inline'/.test(csp)).toBe(false);
      const html = await res.text();
      for (const m of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g))
        expect(m[1], "inline script without the nonce").toContain(`nonce="${nonce!}"`);
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(2); // fresh per request
    expect((await request.get("/api/health")).headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  test("API key hashes are never returned", async ({ request }) => {
    await request.post("/api/keys", {
      headers: { "Content-Type": "application/json" },
      data: { keyType: "anon", label: "hash-check" },
    });
    const body = await (await request.get("/api/keys")).text();
    expect(body).not.toMatch(/secret_hash|[0-9a-f]{64}/);
  });
});
