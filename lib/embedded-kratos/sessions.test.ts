import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, startTestKratos, uniqueEmail, type TestKratos } from "@/lib/testing/embedded-kratos";

let t: TestKratos;
beforeAll(async () => {
  t = await startTestKratos();
});
afterAll(async () => t.stop());

async function userWithSessions(n: number) {
  const email = uniqueEmail();
  const { data } = await t.identity.createIdentity({
    createIdentityBody: {
      schema_id: "default",
      traits: { email },
      credentials: { password: { config: { password: "pw-pw-pw" } } },
    },
  });
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const flow = await t.frontend.createNativeLoginFlow();
    const res = await t.frontend.updateLoginFlow({
      flow: flow.data.id,
      updateLoginFlowBody: { method: "password", identifier: email, password: "pw-pw-pw" },
    });
    tokens.push(res.data.session_token ?? "");
  }
  return { id: data.id, tokens };
}

describe("admin sessions", () => {
  it("lists newest first with keyset pagination and expand", async () => {
    await userWithSessions(3);
    const first = await t.identity.listSessions({ pageSize: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.data[0]?.identity).toBeNull();
    expect(first.data[0]?.devices).toBeNull();
    const token = /page_token=([^&>]+)>; rel="next"/.exec(first.headers.link as string)?.[1];
    expect(token).toBeDefined();
    const second = await t.identity.listSessions({ pageSize: 2, pageToken: decodeURIComponent(token ?? "") });
    expect(second.data.map((s) => s.id)).not.toContain(first.data[0]?.id);
    const expanded = await t.identity.listSessions({ pageSize: 1, expand: ["Identity" as "identity", "devices"] });
    expect(expanded.data[0]?.identity).not.toHaveProperty("metadata_admin"); // Session JSON never carries it
    expect(expanded.data[0]?.devices).toHaveLength(1);
    const bad = await failure(t.identity.listSessions({ expand: ["x" as "identity"] }));
    expect(bad.status).toBe(400);
    expect(bad.data.error.reason).toBe("Could not parse expand option: x");
  });

  it("gets, disables and extends single sessions", async () => {
    const { tokens } = await userWithSessions(1);
    const who = await t.frontend.toSession({ xSessionToken: tokens[0] });
    const id = who.data.id;
    const got = await t.identity.getSession({ id, expand: ["identity"] });
    expect(got.data.identity?.id).toBe(who.data.identity?.id);
    expect((await failure(t.identity.getSession({ id: "nope" }))).status).toBe(400);
    expect((await failure(t.identity.getSession({ id: crypto.randomUUID() }))).status).toBe(404);
    t.clock.offsetMs = 3_600_000;
    try {
      const ext = await t.identity.extendSession({ id });
      expect(ext.status).toBe(200);
      expect(new Date(ext.data.expires_at ?? 0).getTime()).toBeGreaterThan(
        new Date(who.data.expires_at ?? 0).getTime(),
      );
      expect(ext.data.identity).not.toBeNull();
    } finally {
      t.clock.offsetMs = 0;
    }
    expect((await t.identity.disableSession({ id })).status).toBe(204);
    expect((await failure(t.frontend.toSession({ xSessionToken: tokens[0] }))).status).toBe(401);
    const after = await t.identity.getSession({ id });
    expect(after.data.active).toBe(false);
    expect((await failure(t.identity.disableSession({ id: crypto.randomUUID() }))).status).toBe(404);
    const inactive = await t.identity.listSessions({ active: false });
    expect(inactive.data.map((s) => s.id)).toContain(id);
  });

  it("lists and hard-deletes an identity's sessions", async () => {
    const { id, tokens } = await userWithSessions(3);
    const page = await t.identity.listIdentitySessions({ id, perPage: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.headers["x-total-count"]).toBe("3");
    expect(page.headers.link).toContain('rel="next"');
    const next = await t.identity.listIdentitySessions({ id, perPage: 2, page: 1 });
    expect(next.data).toHaveLength(1);
    expect((await t.identity.deleteIdentitySessions({ id })).status).toBe(204);
    expect((await failure(t.frontend.toSession({ xSessionToken: tokens[1] }))).status).toBe(401);
    expect((await failure(t.identity.deleteIdentitySessions({ id }))).status).toBe(404);
    // Kratos does not look the identity up: an unknown one simply has no sessions.
    expect((await t.identity.listIdentitySessions({ id: crypto.randomUUID() })).data).toEqual([]);
  });

  it("recomputes active from identity state", async () => {
    const { id, tokens } = await userWithSessions(1);
    await t.identity.patchIdentity({ id, jsonPatch: [{ op: "replace", path: "/state", value: "inactive" }] });
    const sessions = await t.identity.listIdentitySessions({ id });
    expect(sessions.data[0]?.active).toBe(false);
    expect((await failure(t.frontend.toSession({ xSessionToken: tokens[0] }))).status).toBe(401);
  });
});
