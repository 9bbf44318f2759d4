import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, startTestKratos, uniqueEmail, type TestKratos } from "@/lib/testing/embedded-kratos";

let t: TestKratos;
const password = "correct horse battery";

async function createUser(email = uniqueEmail(), state: "active" | "inactive" = "active") {
  const { data } = await t.identity.createIdentity({
    createIdentityBody: {
      schema_id: "default",
      traits: { email },
      state,
      credentials: { password: { config: { password } } },
    },
  });
  return { id: data.id, email };
}

async function login(identifier: string, pw = password) {
  const flow = await t.frontend.createNativeLoginFlow();
  return t.frontend.updateLoginFlow({
    flow: flow.data.id,
    updateLoginFlowBody: { method: "password", identifier, password: pw },
  });
}

beforeAll(async () => {
  t = await startTestKratos({ oidcProviders: [{ id: "google", label: "Google" }] });
});
afterAll(async () => t.stop());

describe("native login flow", () => {
  it("creates a flow with Kratos's exact ui nodes", async () => {
    const { status, data } = await t.frontend.createNativeLoginFlow();
    expect(status).toBe(200);
    expect(data).toMatchObject({
      type: "api",
      organization_id: null,
      refresh: false,
      requested_aal: "aal1",
      state: "choose_method",
    });
    expect(data.ui.action).toBe(`${t.kratos.publicUrl}/self-service/login?flow=${data.id}`);
    expect(data.ui.messages).toBeUndefined();
    const nodes = data.ui.nodes;
    expect(nodes.map((n) => [n.group, (n.attributes as { name: string }).name])).toEqual([
      ["oidc", "provider"],
      ["default", "csrf_token"],
      ["default", "identifier"],
      ["password", "password"],
      ["password", "method"],
    ]);
    expect(nodes[0]?.meta.label).toEqual({
      id: 1010002,
      text: "Sign in with Google",
      type: "info",
      context: { provider: "Google", provider_id: "google" },
    });
    expect(nodes[1]?.attributes).toEqual({
      name: "csrf_token",
      type: "hidden",
      value: "",
      required: true,
      disabled: false,
      node_type: "input",
    });
    expect(nodes[2]?.meta.label).toEqual({
      id: 1070002,
      text: "E-Mail",
      type: "info",
      context: { title: "E-Mail", name: "traits.email" },
    });
    expect(nodes[3]?.attributes).toEqual({
      name: "password",
      type: "password",
      required: true,
      autocomplete: "current-password",
      disabled: false,
      node_type: "input",
    });
    expect(nodes[4]?.meta.label).toMatchObject({ id: 1010022, text: "Sign in with password" });
    const again = await t.frontend.getLoginFlow({ id: data.id });
    expect(again.data.id).toBe(data.id);
  });

  it("logs in with a normalised identifier and returns a session token", async () => {
    const { id, email } = await createUser();
    const { status, data } = await login(`  ${email.toUpperCase()} `);
    expect(status).toBe(200);
    expect(data.session_token).toMatch(/^ory_st_[A-Za-z0-9]{32}$/);
    expect(data.continue_with).toBeNull();
    expect(data.session).toMatchObject({ active: true, authenticator_assurance_level: "aal1" });
    expect(data.session.authentication_methods?.[0]).toMatchObject({ method: "password", aal: "aal1" });
    expect(data.session.identity?.id).toBe(id);
    expect(data.session.identity).not.toHaveProperty("credentials");
    expect(data.session.identity).not.toHaveProperty("metadata_admin");
    expect(data.session.devices?.[0]).toMatchObject({
      ip_address: expect.stringContaining("127.0.0.1") as string,
      location: "",
    });
    const who = await t.frontend.toSession({ xSessionToken: data.session_token });
    expect(who.headers["x-kratos-authenticated-identity-id"]).toBe(id);
    expect(who.data.identity?.traits).toEqual({ email });
    const bearer = await fetch(`${t.kratos.publicUrl}/sessions/whoami`, {
      headers: { Authorization: `Bearer ${data.session_token}` },
    });
    expect(bearer.status).toBe(200);
  });

  it("answers unknown user and wrong password identically", async () => {
    const { email } = await createUser();
    const wrong = await failure(login(email, "nope-nope"));
    const unknown = await failure(login("ghost@example.com", "nope-nope"));
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(400);
      expect(res.data.ui.messages).toEqual([
        {
          id: 4000006,
          text: "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.",
          type: "error",
        },
      ]);
    }
    expect(wrong.data.ui.nodes[2]?.attributes.value).toBe(email);
    expect(unknown.data.ui.nodes[2]?.attributes.value).toBe("ghost@example.com");
    const persisted = await t.frontend.getLoginFlow({ id: wrong.data.id });
    expect(persisted.data.ui.messages?.[0]?.id).toBe(4000006);
  });

  it("reports a missing password on the password node", async () => {
    const flow = await t.frontend.createNativeLoginFlow();
    const res = await failure(
      t.frontend.updateLoginFlow({
        flow: flow.data.id,
        updateLoginFlowBody: { method: "password", identifier: "a@b.co", password: "" },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.data.ui.nodes[3]?.messages).toEqual([
      { id: 4000002, text: "Property password is missing.", type: "error", context: { property: "password" } },
    ]);
  });

  it("accepts the legacy password_identifier field", async () => {
    const { email } = await createUser();
    const flow = await t.frontend.createNativeLoginFlow();
    const res = await fetch(`${t.kratos.publicUrl}/self-service/login?flow=${flow.data.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ method: "password", password_identifier: email, password }),
    });
    expect(res.status).toBe(200);
  });

  it("rejects unknown methods, oidc over JSON, and browser headers", async () => {
    const flow = await t.frontend.createNativeLoginFlow();
    const post = (body: object, headers: Record<string, string> = {}) =>
      fetch(`${t.kratos.publicUrl}/self-service/login?flow=${flow.data.id}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
    const noMethod = await post({ identifier: "x", password: "y" });
    expect(noMethod.status).toBe(400);
    expect(((await noMethod.json()) as { ui: { messages: { id: number }[] } }).ui.messages[0]?.id).toBe(4010002);
    const oidc = await post({ method: "oidc", provider: "google" });
    expect(oidc.status).toBe(422);
    const oidcBody = (await oidc.json()) as { error: { id: string }; redirect_browser_to: string };
    expect(oidcBody.error.id).toBe("browser_location_change_required");
    expect(oidcBody.redirect_browser_to).toContain("provider=google");
    const origin = await post(
      { method: "password", identifier: "x", password: "y" },
      { Origin: "http://evil.example" },
    );
    expect(origin.status).toBe(400);
    const originMsg = ((await origin.json()) as { ui: { messages: { id: number; text: string }[] } }).ui.messages[0];
    expect(originMsg?.id).toBe(4000001);
    expect(originMsg?.text.startsWith('The HTTP Request Header included the "Origin" key')).toBe(true);
    const cookie = await post(
      { method: "password", identifier: "x", password: "y" },
      { Cookie: "session=abc; __cf_bm=1" },
    );
    const cookieMsg = ((await cookie.json()) as { ui: { messages: { text: string }[] } }).ui.messages[0];
    expect(cookie.status).toBe(400);
    expect(cookieMsg?.text.startsWith('The HTTP Request Header included the "Cookie" key')).toBe(true);
    const cf = await post(
      { method: "password", identifier: "x@y.z", password: "y" },
      { Cookie: "__cf_bm=1; cf_clearance=2" },
    );
    expect(((await cf.json()) as { ui: { messages: { id: number }[] } }).ui.messages[0]?.id).toBe(4000006);
  });

  it("validates the flow parameter and expires flows with a replacement", async () => {
    const bad = await fetch(`${t.kratos.publicUrl}/self-service/login?flow=nope`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(bad.status).toBe(400);
    const missing = await failure(
      t.frontend.updateLoginFlow({
        flow: crypto.randomUUID(),
        updateLoginFlowBody: { method: "password", identifier: "a", password: "b" },
      }),
    );
    expect(missing.status).toBe(404);
    expect((await failure(t.frontend.getLoginFlow({ id: crypto.randomUUID() }))).status).toBe(404);

    const flow = await t.frontend.createNativeLoginFlow();
    t.clock.offsetMs = 2 * 3_600_000;
    try {
      const gone = await failure(t.frontend.getLoginFlow({ id: flow.data.id }));
      expect(gone.status).toBe(410);
      expect(gone.data.error).toMatchObject({
        id: "self_service_flow_expired",
        details: { api: `${t.kratos.publicUrl}/self-service/login/api` },
      });
      const submit = await failure(
        t.frontend.updateLoginFlow({
          flow: flow.data.id,
          updateLoginFlowBody: { method: "password", identifier: "a", password: "b" },
        }),
      );
      expect(submit.status).toBe(410);
      expect(submit.data).toMatchObject({
        error: { id: "self_service_flow_expired", code: 410, status: "Gone", message: "self-service flow expired" },
        expired_at: flow.data.expires_at,
      });
      expect(submit.data.since).toBeGreaterThan(0);
      const fresh = await t.frontend.getLoginFlow({ id: submit.data.use_flow_id ?? "" });
      expect(fresh.data.ui.messages?.[0]?.id).toBe(4010001);
    } finally {
      t.clock.offsetMs = 0;
    }
  });

  it("handles refresh, aal and existing sessions like Kratos", async () => {
    const { email } = await createUser();
    const token = (await login(email)).data.session_token ?? "";
    const already = await failure(t.frontend.createNativeLoginFlow({ xSessionToken: token }));
    expect(already.status).toBe(400);
    expect(already.data.error).toMatchObject({ id: "session_already_available" });
    const refresh = await t.frontend.createNativeLoginFlow({ xSessionToken: token, refresh: true });
    expect(refresh.data.refresh).toBe(true);
    const aal2 = await failure(t.frontend.createNativeLoginFlow({ aal: "aal2" }));
    expect(aal2.status).toBe(401);
    expect(aal2.data.error.id).toBe("session_aal1_required");
    const badAal = await failure(t.frontend.createNativeLoginFlow({ aal: "aal9" }));
    expect(badAal.status).toBe(400);
  });

  it("logs out, and whoami returns the id-less 401 afterwards", async () => {
    const { email } = await createUser();
    const token = (await login(email)).data.session_token ?? "";
    const out = await t.frontend.performNativeLogout({ performNativeLogoutBody: { session_token: token } });
    expect(out.status).toBe(204);
    const who = await failure(t.frontend.toSession({ xSessionToken: token }));
    expect(who.status).toBe(401);
    expect(who.data).toEqual({
      error: {
        code: 401,
        status: "Unauthorized",
        reason: "No valid session credentials found in the request.",
        message: "The request could not be authorized",
      },
    });
    const unknown = await failure(
      t.frontend.performNativeLogout({ performNativeLogoutBody: { session_token: "ory_st_unknown" } }),
    );
    expect(unknown.status).toBe(403);
    expect(unknown.data.error.reason).toBe(
      "The provided Ory Session Token could not be found, is invalid, or otherwise malformed.",
    );
  });

  it("refuses inactive identities and invalidates their sessions at once", async () => {
    const { id, email } = await createUser();
    const token = (await login(email)).data.session_token ?? "";
    await t.identity.patchIdentity({ id, jsonPatch: [{ op: "replace", path: "/state", value: "inactive" }] });
    expect((await failure(t.frontend.toSession({ xSessionToken: token }))).status).toBe(401);
    const refused = await failure(login(email));
    expect(refused.status).toBe(401);
    expect(refused.data).toEqual({
      error: {
        code: 401,
        status: "Unauthorized",
        reason: "This account was disabled.",
        message: "identity is disabled",
        details: { identity_id: expect.any(String) as string },
      },
    });
  });
});
