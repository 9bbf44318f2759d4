import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { call, startHarness, type Harness } from "@/lib/testing/harness";

// Start-up and cookie hardening: bad config stops the server, owner-only data files, re-seal cadence, secret rotation.
const h: Harness = await startHarness({ TRUSS_SESSION_IDLE_MINUTES: "1" });
afterAll(() => h.close());

describe("start-up", () => {
  it("a bad env value stops the server with exit code 1 and names every bad variable", async () => {
    const saved = { ...process.env };
    const exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.resetModules();
    Object.assign(process.env, {
      NEXT_RUNTIME: "nodejs",
      TRUSS_SESSION_SECRET: "x".repeat(31),
      KRATOS_TIMEOUT_MS: "abc",
      TRUSS_AUTH_REQUIRED: "TRUE",
    });
    delete (globalThis as { __trussBooted?: boolean }).__trussBooted;
    delete (globalThis as { __trussBoot?: unknown }).__trussBoot;
    try {
      const { register } = await import("@/instrumentation");
      await expect(register()).rejects.toThrow("exit 1");
      const said = error.mock.calls.map((c) => String(c[0])).join("\n");
      for (const name of ["TRUSS_SESSION_SECRET", "KRATOS_TIMEOUT_MS", "TRUSS_AUTH_REQUIRED"])
        expect(said).toContain(name);
    } finally {
      process.env = saved;
      exit.mockRestore();
      error.mockRestore();
      vi.resetModules();
    }
  });

  it("keeps TRUSS_DATA_DIR owner-only: folder 0700, files 0600", async () => {
    fs.chmodSync(h.dataDir, 0o755);
    const { boot } = await import("@/lib/server/boot");
    vi.spyOn(console, "log").mockImplementation(() => {});
    await boot();
    vi.restoreAllMocks();
    expect(fs.statSync(h.dataDir).mode & 0o777).toBe(0o700);
    const store = path.join(h.dataDir, "truss.sqlite");
    expect(fs.statSync(store).mode & 0o777).toBe(0o600);
    for (const f of fs.readdirSync(h.dataDir)) {
      const st = fs.statSync(path.join(h.dataDir, f));
      if (st.isFile()) expect(st.mode & 0o077, f).toBe(0);
    }
  });
});

describe("session cookie", () => {
  it("re-seals an active session well before the idle limit (a quarter of it)", async () => {
    const { sealSession } = await import("@/lib/session-cookie");
    const { bootAndSignIn } = await import("@/lib/testing/harness");
    const session = await import("@/app/api/auth/session/route");
    const cookie = await bootAndSignIn();
    const { readSession } = await import("@/lib/session-cookie");
    const payload = (await readSession(decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1))))!;
    // Seen 20 s ago with a 60 s idle limit: still valid, and due for a fresh last-seen time.
    const sealed = await sealSession({ ...payload, lsa: Date.now() - 20_000 });
    const r = await call(session.GET, "/api/auth/session", {
      headers: { cookie: `truss_session=${encodeURIComponent(sealed)}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("set-cookie")).toMatch(/^truss_session=/);
  });

  it("TRUSS_SESSION_SECRET rotation: the first secret seals, older ones still unseal", async () => {
    const A = "a".repeat(32);
    const B = "b".repeat(32);
    const payload = {
      v: 1 as const,
      kt: "ory_st_x",
      iid: "00000000-0000-4000-8000-000000000000",
      aat: Date.now(),
      lsa: Date.now(),
    };
    const withSecret = async (secret: string) => {
      vi.resetModules();
      process.env.TRUSS_SESSION_SECRET = secret;
      return import("@/lib/session-cookie");
    };
    const saved = process.env.TRUSS_SESSION_SECRET;
    try {
      const old = await (await withSecret(A)).sealSession(payload);
      const rotated = await withSecret(`${B},${A}`);
      expect(await rotated.readSession(old)).toMatchObject({ iid: payload.iid });
      const fresh = await rotated.sealSession(payload);
      expect(await (await withSecret(B)).readSession(fresh)).not.toBeNull();
      expect(await (await withSecret(A)).readSession(fresh)).toBeNull();
      expect(await (await withSecret(B)).readSession(old)).toBeNull(); // A dropped: its cookies end
    } finally {
      process.env.TRUSS_SESSION_SECRET = saved;
      vi.resetModules();
    }
  });
});
