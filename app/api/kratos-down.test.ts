import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { call } from "@/lib/testing/harness";

// A port that accepts nothing (closed right after binding) and one that accepts but never answers.
const closedPort = await new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address() as net.AddressInfo;
    s.close(() => resolve(port));
  });
});
const hung = net.createServer(() => {}).listen(0, "127.0.0.1");
await new Promise((r) => hung.once("listening", r));
const hungPort = (hung.address() as net.AddressInfo).port;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-down-"));
Object.assign(process.env, {
  KRATOS_PUBLIC_URL: `http://127.0.0.1:${hungPort}`,
  KRATOS_ADMIN_URL: `http://127.0.0.1:${closedPort}`,
  KRATOS_TIMEOUT_MS: "300",
  TRUSS_DATA_DIR: dataDir,
  TRUSS_SESSION_SECRET: "test-secret-that-is-at-least-32-characters-long",
});
const login = await import("@/app/api/auth/login/route");
const health = await import("@/app/api/health/route");

afterAll(() => {
  hung.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("Kratos unavailable", () => {
  it("answers quickly with the envelope, never a hang or a stack trace", async () => {
    const started = Date.now();
    const r = await call(login.GET, "/api/auth/login");
    expect(r.status).toBe(504);
    expect(r.body).toMatchObject({ error: { id: "upstream_timeout", code: 504 } });
    expect(Date.now() - started).toBeLessThan(5000);
    const post = await call(login.POST, "/api/auth/login", {
      method: "POST",
      body: { email: "a@b.co", password: "whatever-1" },
    });
    expect([503, 504]).toContain(post.status);
    expect(JSON.stringify(post.body)).not.toMatch(/127\.0\.0\.1|ECONN|at .*\.ts/);
  });

  it("health reports both endpoints down without secrets", async () => {
    const r = await call(health.GET, "/api/health");
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ status: "degraded", kratos: { mode: "external", public: "down", admin: "down" } });
  });
});
