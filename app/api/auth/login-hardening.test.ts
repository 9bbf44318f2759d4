import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ADMIN, call, cookieFrom, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk, whoamiStatus } from "@/lib/testing/users";

// Client IP, throttling, CSRF and session-replacement defects from the attack run, each exercised as an attack.
const h: Harness = await startHarness();
const login = await import("@/app/api/auth/login/route");
const logout = await import("@/app/api/auth/logout/route");
const session = await import("@/app/api/auth/session/route");
const audit = await import("@/app/api/audit/route");
const { boot } = await import("@/lib/server/boot");
const { readSession } = await import("@/lib/session-cookie");
const { middleware } = await import("@/middleware");
const { NextRequest } = await import("next/server");
const { safeNextPath } = await import("@/lib/utils");

const signIn = (em: string, pw: string, headers: Record<string, string> = {}) =>
  call(login.POST, "/api/auth/login", { method: "POST", body: { email: em, password: pw }, headers });
const tokenOf = async (cookie: string) =>
  (await readSession(decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1))))!.kt;

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  await boot();
});
afterAll(() => h.close());

describe("client IP (TRUSS_TRUST_PROXY unset)", () => {
  it("ignores X-Forwarded-For: rotating it does not dodge the per-client limit, and the audit log keeps the socket address", async () => {
    const socket = { "x-truss-client-ip": "203.0.113.50" };
    const statuses: number[] = [];
    // Credential stuffing across many accounts (so the per-identifier limits never trigger), one forged hop each.
    for (let batch = 0; batch < 6; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          signIn(email(`stuff${batch}-${i}`), "Guessed-pass-1", {
            ...socket,
            "x-forwarded-for": `198.51.100.${batch * 10 + i}`,
          }),
        ),
      );
      statuses.push(...answers.map((a) => a.status));
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(50);
    // A different client is not affected.
    expect((await signIn(email("other"), "Guessed-pass-1", { "x-truss-client-ip": "203.0.113.51" })).status).toBe(401);
    const cookie = cookieFrom(await signIn(ADMIN.email, ADMIN.password));
    const entries = (await call(audit.GET, "/api/audit?action=admin.login&page_size=100", { headers: { cookie } }))
      .body as { items: { ip: string; outcome: string }[] };
    const ips = new Set(entries.items.filter((e) => e.outcome === "failure").map((e) => e.ip));
    expect(ips.has("203.0.113.50")).toBe(true);
    for (const ip of ips) expect(ip).not.toMatch(/^198\.51\.100\./);
  });

  it("limits starting login flows per client (each one is stored by Kratos)", async () => {
    const headers = { "x-truss-client-ip": "203.0.113.60" };
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await call(login.GET, "/api/auth/login", { headers })).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("trusted proxy depth", () => {
  it("TRUSS_TRUST_PROXY=N takes the Nth X-Forwarded-For hop from the right, never a client-written one", async () => {
    const saved = process.env.TRUSS_TRUST_PROXY;
    const ipWith = async (depth: string, xff: string) => {
      vi.resetModules();
      process.env.TRUSS_TRUST_PROXY = depth;
      const { clientIp } = await import("@/lib/server/http/request-info");
      return clientIp(
        new Request("http://x/", { headers: { "x-forwarded-for": xff, "x-truss-client-ip": "10.0.0.2" } }),
      );
    };
    try {
      expect(await ipWith("true", "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
      expect(await ipWith("2", "6.6.6.6, 203.0.113.9, 10.0.0.1")).toBe("203.0.113.9");
      expect(await ipWith("false", "6.6.6.6")).toBe("10.0.0.2");
    } finally {
      if (saved === undefined) delete process.env.TRUSS_TRUST_PROXY;
      else process.env.TRUSS_TRUST_PROXY = saved;
      vi.resetModules();
    }
  });
});

describe("session cookie", () => {
  it("logout obeys the CSRF rules: a text/plain post from a foreign origin does not sign the admin out", async () => {
    const cookie = cookieFrom(await signIn(ADMIN.email, ADMIN.password));
    const forged = await call(logout.POST, "/api/auth/logout", {
      method: "POST",
      rawBody: "x",
      headers: { cookie, "content-type": "text/plain", "content-length": "1", origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    const plain = await call(logout.POST, "/api/auth/logout", {
      method: "POST",
      rawBody: "x",
      headers: { cookie, "content-type": "text/plain", "content-length": "1" },
    });
    expect(plain.status).toBe(415);
    expect((await call(session.GET, "/api/auth/session", { headers: { cookie } })).status).toBe(200);
    expect((await call(logout.POST, "/api/auth/logout", { method: "POST", headers: { cookie } })).status).toBe(204);
  });

  it("a new login revokes the Kratos session of the cookie it replaces", async () => {
    const first = cookieFrom(await signIn(ADMIN.email, ADMIN.password));
    const firstToken = await tokenOf(first);
    expect(await whoamiStatus(h, firstToken)).toBe(200);
    const second = cookieFrom(await signIn(ADMIN.email, ADMIN.password, { cookie: first }));
    expect(await whoamiStatus(h, firstToken)).toBe(401);
    expect(await whoamiStatus(h, await tokenOf(second))).toBe(200);
  });
});

describe("headers", () => {
  it("sends HSTS when the public URL is https, and refuses an oversized Content-Length before reading", async () => {
    const saved = process.env.TRUSS_PUBLIC_URL;
    // Config is parsed once per process: a fresh module graph per setting.
    const middlewareWith = async (publicUrl: string | undefined) => {
      vi.resetModules();
      if (publicUrl === undefined) delete process.env.TRUSS_PUBLIC_URL;
      else process.env.TRUSS_PUBLIC_URL = publicUrl;
      return (await import("@/middleware")).middleware;
    };
    try {
      const https = await middlewareWith("https://admin.example.com");
      expect(
        (await https(new NextRequest("http://127.0.0.1:8787/api/health"))).headers.get("strict-transport-security"),
      ).toMatch(/max-age=\d+/);
      const http = await middlewareWith(undefined);
      expect(
        (await http(new NextRequest("http://127.0.0.1:8787/api/health"))).headers.get("strict-transport-security"),
      ).toBeNull();
    } finally {
      if (saved !== undefined) process.env.TRUSS_PUBLIC_URL = saved;
      vi.resetModules();
    }
    // 256 MiB declared, nothing sent: refused at once with the envelope.
    const big = await middleware(
      new NextRequest("http://127.0.0.1:8787/api/auth/login", {
        method: "POST",
        headers: { "content-length": String(256 * 1024 * 1024) },
      }),
    );
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { id: string; request: string } }).error).toMatchObject({
      id: "payload_too_large",
      request: expect.stringMatching(/^req_/) as unknown,
    });
  });

  it("a verb a route does not serve answers 405 in the envelope, with Allow", async () => {
    const keys = await import("@/app/api/keys/route");
    const r = await call(keys.PUT, "/api/keys", { method: "PUT", body: {} });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(r.body).toMatchObject({ error: { id: "method_not_allowed", code: 405 } });
    const v1 = await import("@/app/v1/auth/identities/[id]/state/route");
    expect((await call(v1.GET, "/v1/auth/identities/x/state")).headers.get("allow")).toBe("PATCH, OPTIONS");
  });

  it("JSON answers say charset=utf-8, errors included", async () => {
    expect((await call(session.GET, "/api/auth/session")).headers.get("content-type")).toBe(
      "application/json; charset=utf-8",
    );
    expect((await call(login.GET, "/api/auth/login")).headers.get("content-type")).toBe(
      "application/json; charset=utf-8",
    );
  });

  it("a non-Latin-1 next= becomes a valid, same-origin Location", () => {
    expect(safeNextPath("/users/é?q=ü")).toBe("/users/%C3%A9?q=%C3%BC");
    expect(safeNextPath("/users/%C3%A9")).toBe("/users/%C3%A9");
    expect(safeNextPath("/%E0%A4%A")).toBe("/");
    expect(safeNextPath("/\ud800")).toBe("/");
    expect(() => new Headers({ location: safeNextPath("/日本") })).not.toThrow();
  });
});

describe("timing", () => {
  it("wrong password and unknown account are answered alike (see login-timing.test.ts for the latency check)", async () => {
    const { identity } = sdk(h);
    const known = email("known");
    await identity.createIdentity({
      createIdentityBody: {
        schema_id: "default",
        traits: { email: known },
        credentials: { password: { config: { password: "Known-pass-123" } } },
      },
    });
    const [a, b] = await Promise.all([signIn(known, "Wrong-pass-123"), signIn(email("unknown"), "Wrong-pass-123")]);
    expect(a.body).toMatchObject({ error: { id: "unauthorized" } });
    expect((a.body as { error: { message: string } }).error.message).toBe(
      (b.body as { error: { message: string } }).error.message,
    );
  });
});
