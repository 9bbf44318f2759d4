import { afterAll, describe, expect, it, vi } from "vitest";
import { call, startHarness, type Harness } from "@/lib/testing/harness";

const h: Harness = await startHarness({ TRUSS_ADMIN_EMAIL: "", TRUSS_ADMIN_PASSWORD: "" });
const { boot } = await import("@/lib/server/boot");
const setup = await import("@/app/api/setup/route");
const login = await import("@/app/api/auth/login/route");

afterAll(() => h.close());

describe("first admin via the setup link", () => {
  it("prints a single-use link when there is no admin, and the token works exactly once", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await boot();
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.includes("/setup?token="));
    log.mockRestore();
    expect(line).toBeDefined();
    const token = new URL(line!.slice(line!.indexOf("http"))).searchParams.get("token")!;
    const body = { token, email: "first@example.test", password: "First-admin-pass-1" };
    expect(
      (await call(setup.POST, "/api/setup", { method: "POST", body: { ...body, token: "x".repeat(32) } })).status,
    ).toBe(403);
    const ok = await call(setup.POST, "/api/setup", { method: "POST", body });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ email: "first@example.test", is_admin: true });
    expect(
      (await call(setup.POST, "/api/setup", { method: "POST", body: { ...body, email: "second@example.test" } }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(login.POST, "/api/auth/login", {
          method: "POST",
          body: { email: body.email, password: body.password },
        })
      ).status,
    ).toBe(200);
  });
});
