import { afterAll, describe, expect, it, vi } from "vitest";
import { call, cookieFrom, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk, userLogin } from "@/lib/testing/users";

// Account-takeover paths from the attack run: setup link, TRUSS_ADMIN_EMAIL bootstrap, service keys on admins.
const BOOT = { email: "boot-admin@example.test", password: "Operator-pass-42" };
const h: Harness = await startHarness({ TRUSS_ADMIN_EMAIL: BOOT.email, TRUSS_ADMIN_PASSWORD: BOOT.password });
const { boot } = await import("@/lib/server/boot");
const { issueSetupToken } = await import("@/lib/server/services/admins");
const { db } = await import("@/lib/server/store");
const setup = await import("@/app/api/setup/route");
const login = await import("@/app/api/auth/login/route");
const admin = await import("@/app/api/auth/identities/[id]/admin/route");
const keys = await import("@/app/api/keys/route");
const v1One = await import("@/app/v1/auth/identities/[id]/route");
const v1State = await import("@/app/v1/auth/identities/[id]/state/route");
const v1Reset = await import("@/app/v1/auth/identities/[id]/reset-password/route");
const SetupPage = (await import("@/app/(auth)/setup/page")).default;

afterAll(() => h.close());
const { identity } = sdk(h);

async function kratosUser(em: string, password: string, metadataAdmin?: Record<string, unknown>) {
  const { data } = await identity.createIdentity({
    createIdentityBody: {
      schema_id: "default",
      traits: { email: em },
      credentials: { password: { config: { password } } },
      metadata_admin: metadataAdmin,
    },
  });
  return data.id;
}
const isAdmin = async (id: string) =>
  ((await identity.getIdentity({ id })).data.metadata_admin as { truss_role?: string } | null)?.truss_role === "admin";
const signIn = (em: string, password: string) =>
  call(login.POST, "/api/auth/login", { method: "POST", body: { email: em, password } });
async function bootLog(): Promise<{ lines: string[]; error: unknown }> {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  let error: unknown = null;
  await boot().catch((e: unknown) => (error = e));
  const lines = [...log.mock.calls, ...warn.mock.calls].map((c) => String(c[0]));
  log.mockRestore();
  warn.mockRestore();
  return { lines, error };
}

describe("TRUSS_ADMIN_EMAIL bootstrap", () => {
  it("refuses loudly to promote a pre-registered identity whose password is not the operator's", async () => {
    const squatter = await kratosUser(BOOT.email, "Squatter-pass-77");
    const { error } = await bootLog();
    expect((error as Error)?.name).toBe("StartupError");
    expect((error as Error).message).toMatch(/TRUSS_ADMIN_PASSWORD does not sign in/);
    expect(await isAdmin(squatter)).toBe(false);
    expect((await signIn(BOOT.email, "Squatter-pass-77")).status).toBe(401);

    // The operator proves ownership (the password now matches): promoted.
    await identity.updateIdentity({
      id: squatter,
      updateIdentityBody: {
        schema_id: "default",
        state: "active",
        traits: { email: BOOT.email },
        credentials: { password: { config: { password: BOOT.password } } },
      },
    });
    expect((await bootLog()).lines.join("\n")).toContain("promoted");
    expect(await isAdmin(squatter)).toBe(true);
  });

  it("never re-promotes an identity another admin demoted", async () => {
    const other = email("second-admin");
    const otherId = await kratosUser(other, "Second-admin-pass-1", { truss_role: "admin" });
    const cookie = cookieFrom(await signIn(other, "Second-admin-pass-1"));
    const bootId = (await identity.listIdentities({ credentialsIdentifier: BOOT.email })).data[0]!.id;
    expect(
      (await call(admin.DELETE, "/x", { method: "DELETE", params: { id: bootId }, headers: { cookie } })).status,
    ).toBe(200);
    const { lines, error } = await bootLog();
    expect(error).toBeNull();
    expect(lines.join("\n")).toMatch(/was demoted by an admin and is not promoted again/);
    expect(await isAdmin(bootId)).toBe(false);
    expect(await isAdmin(otherId)).toBe(true);
  });
});

describe("setup link", () => {
  it("is not printed when Kratos already has an admin, even with an empty local admin index", async () => {
    await (await db()).deleteFrom("admins").execute(); // a fresh TRUSS_DATA_DIR, a new replica, a restored store
    const { lines } = await bootLog();
    expect(lines.some((l) => l.includes("/setup?token="))).toBe(false);
  });

  it("refuses a token while an admin exists, and expires after an hour", async () => {
    const token = await issueSetupToken();
    const body = { token, email: email("setup"), password: "Setup-pass-123" };
    const r = await call(setup.POST, "/api/setup", { method: "POST", body });
    expect(r.status).toBe(403);
    const old = await issueSetupToken();
    await (
      await db()
    )
      .updateTable("setup_tokens")
      .set({ created_at: new Date(Date.now() - 2 * 3600_000).toISOString() })
      .execute();
    const expired = await call(setup.POST, "/api/setup", { method: "POST", body: { ...body, token: old } });
    expect(expired.status).toBe(403);
    expect((expired.body as { error: { message: string } }).error.message).toMatch(/expired/);
  });

  it("/setup redirects to /login when no setup is pending", async () => {
    await (await db()).deleteFrom("setup_tokens").execute();
    const err = await SetupPage({ searchParams: Promise.resolve({ token: "x" }) }).catch((e: unknown) => e);
    expect(String((err as { digest?: string }).digest)).toMatch(/NEXT_REDIRECT;replace;\/login;/);
  });
});

describe("service keys and admin identities", () => {
  it("/v1 cannot reset, deactivate or delete an admin (403 admin_protected); end users are unaffected", async () => {
    const other = email("key-target-admin");
    const adminId = await kratosUser(other, "Target-admin-pass-1", { truss_role: "admin" });
    const cookie = cookieFrom(await signIn(other, "Target-admin-pass-1"));
    const created = await call(keys.POST, "/api/keys", {
      method: "POST",
      body: { keyType: "service_role", label: "attack" },
      headers: { cookie },
    });
    const apikey = (created.body as { secret: string }).secret;
    const headers = { apikey };
    const attempts = [
      await call(v1Reset.POST, "/x", {
        method: "POST",
        params: { id: adminId },
        headers,
        body: { password: "Taken-over-pass-9" },
      }),
      await call(v1State.PATCH, "/x", {
        method: "PATCH",
        params: { id: adminId },
        headers,
        body: { state: "inactive" },
      }),
      await call(v1One.DELETE, "/x", { method: "DELETE", params: { id: adminId }, headers }),
    ];
    for (const a of attempts) {
      expect(a.status).toBe(403);
      expect((a.body as { error: { id: string } }).error.id).toBe("admin_protected");
    }
    expect((await signIn(other, "Taken-over-pass-9")).status).toBe(401);
    expect(await userLogin(h, other, "Target-admin-pass-1")).toMatch(/^ory_st_/);
    const plainId = await kratosUser(email("key-target-user"), "Plain-user-pass-1");
    expect(
      (
        await call(v1Reset.POST, "/x", {
          method: "POST",
          params: { id: plainId },
          headers,
          body: { password: "New-user-pass-77" },
        })
      ).status,
    ).toBe(200);
  });
});

describe("setup never touches an existing identity", () => {
  it("refuses the email of an existing account with 409 and leaves it as it was", async () => {
    // A Kratos with no admin at all: demote everyone through Kratos directly, then issue a token.
    for (const i of (await identity.listIdentities({ pageSize: 500 })).data)
      if ((i.metadata_admin as { truss_role?: string } | null)?.truss_role)
        await identity.patchIdentity({ id: i.id, jsonPatch: [{ op: "replace", path: "/metadata_admin", value: {} }] });
    await (await db()).deleteFrom("admins").execute();
    const victim = email("victim");
    const victimId = await kratosUser(victim, "Victim-own-pass-1");
    const token = await issueSetupToken();
    const r = await call(setup.POST, "/api/setup", {
      method: "POST",
      body: { token, email: victim, password: "Attacker-pass-123" },
    });
    expect(r.status).toBe(409);
    expect(await isAdmin(victimId)).toBe(false);
    expect(await userLogin(h, victim, "Victim-own-pass-1")).toMatch(/^ory_st_/);
    // The token was given back: the operator can still create a new account with it.
    const ok = await call(setup.POST, "/api/setup", {
      method: "POST",
      body: { token, email: email("real-admin"), password: "Real-admin-pass-1" },
    });
    expect(ok.status).toBe(201);
  });
});
