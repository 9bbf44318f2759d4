import { afterAll, describe, expect, it } from "vitest";
import { call, startHarness, type Harness } from "@/lib/testing/harness";

const h: Harness = await startHarness({ TRUSS_AUTH_REQUIRED: "false" });
const list = await import("@/app/api/auth/identities/route");
const session = await import("@/app/api/auth/session/route");
const v1 = await import("@/app/v1/auth/identities/route");
const { middleware } = await import("@/middleware");
const { NextRequest } = await import("next/server");

afterAll(() => h.close());

describe("TRUSS_AUTH_REQUIRED=false", () => {
  it("opens the dashboard API without a login but keeps CSRF checks and /v1 keys", async () => {
    expect((await call(list.GET, "/api/auth/identities")).status).toBe(200);
    expect((await call(session.GET, "/api/auth/session")).body).toEqual({ auth_required: false, admin: null });
    const created = await call(list.POST, "/api/auth/identities", {
      method: "POST",
      body: { email: "open@example.test", password: "Open-pass-123" },
    });
    expect(created.status).toBe(201);
    const crossSite = await call(list.POST, "/api/auth/identities", {
      method: "POST",
      body: { email: "evil@example.test" },
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    expect((await call(v1.GET, "/v1/auth/identities")).status).toBe(401);
    const r = await middleware(new NextRequest("http://127.0.0.1:8787/users", { headers: { host: "127.0.0.1:8787" } }));
    expect(r.headers.get("x-middleware-next")).toBe("1");
  });

  it("answers only requests addressed to this machine (no DNS rebinding into an open dashboard)", async () => {
    const rebound = await call(list.GET, "/api/auth/identities", { headers: { host: "attacker.example:8787" } });
    expect(rebound.status).toBe(403);
    const page = await middleware(
      new NextRequest("http://attacker.example:8787/users", { headers: { host: "attacker.example:8787" } }),
    );
    expect(page.status).toBe(403);
    expect((await call(list.GET, "/api/auth/identities", { headers: { host: "localhost:8787" } })).status).toBe(200);
  });
});
