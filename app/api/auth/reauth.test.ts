import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bootAndSignIn, call, cookieFrom, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk, whoamiStatus } from "@/lib/testing/users";

// A session that signed in long ago must confirm the password before sensitive actions.
const h: Harness = await startHarness();
const keys = await import("@/app/api/keys/route");
const reauth = await import("@/app/api/auth/reauth/route");
const reset = await import("@/app/api/auth/identities/[id]/reset-password/route");
const admin = await import("@/app/api/auth/identities/[id]/admin/route");
const one = await import("@/app/api/auth/identities/[id]/route");
const bulk = await import("@/app/api/auth/identities/bulk/route");
const { readSession, sealSession } = await import("@/lib/session-cookie");

let fresh = "";
let stale = "";
let userId = "";
const unseal = async (cookie: string) =>
  (await readSession(decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1))))!;

beforeAll(async () => {
  fresh = await bootAndSignIn();
  // The same Kratos session, signed in 6 hours ago (still within the absolute limit, active a moment ago).
  const p = await unseal(fresh);
  stale = `truss_session=${encodeURIComponent(await sealSession({ ...p, aat: Date.now() - 6 * 3600_000 }))}`;
  userId = (
    await sdk(h).identity.createIdentity({
      createIdentityBody: { schema_id: "default", traits: { email: email("reauth") } },
    })
  ).data.id;
});
afterAll(() => h.close());

describe("re-authentication", () => {
  it("a 6-hour-old sign-in cannot mint keys, reset passwords, change admins, delete users or bulk-delete", async () => {
    const headers = { cookie: stale };
    const attempts = [
      await call(keys.POST, "/api/keys", { method: "POST", body: { keyType: "service_role", label: "late" }, headers }),
      await call(reset.POST, "/x", {
        method: "POST",
        params: { id: userId },
        body: { password: "Reset-by-stale-1" },
        headers,
      }),
      await call(admin.POST, "/x", { method: "POST", params: { id: userId }, headers }),
      await call(admin.DELETE, "/x", { method: "DELETE", params: { id: userId }, headers }),
      await call(one.DELETE, "/x", { method: "DELETE", params: { id: userId }, headers }),
      await call(bulk.POST, "/x", { method: "POST", body: { action: "delete", ids: [userId] }, headers }),
    ];
    for (const a of attempts) expect(a.body).toMatchObject({ error: { id: "reauth_required", code: 403 } });
    // Everyday work still goes through, and a bulk revoke is not a deletion.
    expect(
      (await call(bulk.POST, "/x", { method: "POST", body: { action: "revoke_sessions", ids: [userId] }, headers }))
        .status,
    ).toBe(200);
  });

  it("POST /api/auth/reauth with the password refreshes the sign-in; a wrong password does not", async () => {
    const wrong = await call(reauth.POST, "/api/auth/reauth", {
      method: "POST",
      body: { password: "not-it-at-all" },
      headers: { cookie: stale },
    });
    expect(wrong.status).toBe(401);
    const ok = await call(reauth.POST, "/api/auth/reauth", {
      method: "POST",
      body: { password: ADMIN.password },
      headers: { cookie: stale },
    });
    expect(ok.status).toBe(200);
    const renewed = cookieFrom(ok);
    expect(Date.now() - (await unseal(renewed)).aat).toBeLessThan(60_000);
    expect(await whoamiStatus(h, (await unseal(stale)).kt)).toBe(401); // the old Kratos session was replaced
    const created = await call(keys.POST, "/api/keys", {
      method: "POST",
      body: { keyType: "service_role", label: "after-reauth" },
      headers: { cookie: renewed },
    });
    expect(created.status).toBe(201);
  });
});
