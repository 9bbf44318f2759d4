import { CourierApi, Configuration } from "@ory/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { failure, startTestKratos, uniqueEmail, type TestKratos } from "@/lib/testing/embedded-kratos";

const PASSWORD = "a-long-original-passphrase";
const NEW_PASSWORD = "a-brand-new-passphrase-9";
let k: TestKratos;
let courier: CourierApi;

beforeAll(async () => {
  k = await startTestKratos();
  courier = new CourierApi(new Configuration({ basePath: k.kratos.adminUrl }));
});
afterAll(() => k.stop());

const createUser = async (email: string) =>
  (
    await k.identity.createIdentity({
      createIdentityBody: {
        schema_id: "default",
        traits: { email },
        credentials: { password: { config: { password: PASSWORD } } },
      },
    })
  ).data;

async function login(email: string, password: string) {
  const { data: flow } = await k.frontend.createNativeLoginFlow();
  return (
    await k.frontend.updateLoginFlow({
      flow: flow.id,
      updateLoginFlowBody: { method: "password", identifier: email, password },
    })
  ).data;
}

const codeFrom = (subject: string) => /\d{6}/.exec(subject)?.[0] ?? "";

/** Settings through the API flow with the given session token. */
async function setPassword(token: string, flowId: string | undefined, password: string) {
  const id = flowId ?? (await k.frontend.createNativeSettingsFlow({ xSessionToken: token })).data.id;
  return k.frontend.updateSettingsFlow({
    flow: id,
    xSessionToken: token,
    updateSettingsFlowBody: { method: "password", password },
  });
}

describe("recovery (API flows)", () => {
  test("an admin-issued code (flow_type api) is redeemed once, then the new password signs in", async () => {
    const email = uniqueEmail("rec-admin");
    const user = await createUser(email);
    const { data: issued } = await k.identity.createRecoveryCodeForIdentity({
      createRecoveryCodeForIdentityBody: { identity_id: user.id, flow_type: "api" },
    });
    const flowId = new URL(issued.recovery_link).searchParams.get("flow") ?? "";
    const { data: flow } = await k.frontend.getRecoveryFlow({ id: flowId });
    expect(flow).toMatchObject({ type: "api", state: "sent_email", active: "code" });
    const wrong = await k.frontend.updateRecoveryFlow({
      flow: flowId,
      updateRecoveryFlowBody: { method: "code", code: "000000" },
    });
    expect(wrong.data.ui.messages?.[0]?.id).toBe(4060006);
    const { data: done } = await k.frontend.updateRecoveryFlow({
      flow: flowId,
      updateRecoveryFlowBody: { method: "code", code: issued.recovery_code },
    });
    expect(done.state).toBe("passed_challenge");
    const token = done.continue_with?.find((x) => x.action === "set_ory_session_token");
    const settings = done.continue_with?.find((x) => x.action === "show_settings_ui");
    expect(token && "ory_session_token" in token).toBe(true);
    const sessionToken = token && "ory_session_token" in token ? token.ory_session_token : "";
    const settingsId = settings && "flow" in settings ? settings.flow.id : undefined;
    const { data: sf } = await k.frontend.getSettingsFlow({ id: settingsId ?? "", xSessionToken: sessionToken });
    expect(sf.ui.messages?.[0]?.id).toBe(1060001);
    const { data: whoami } = await k.frontend.toSession({ xSessionToken: sessionToken });
    expect(whoami.authentication_methods?.[0]?.method).toBe("code_recovery");
    const { data: saved } = await setPassword(sessionToken, settingsId, NEW_PASSWORD);
    expect(saved.state).toBe("success");
    expect((await login(email, NEW_PASSWORD)).session.identity?.id).toBe(user.id);
    expect((await failure(login(email, PASSWORD))).status).toBe(400);
    // Single use: the same code again is refused.
    const again = await failure(
      k.frontend.updateRecoveryFlow({
        flow: flowId,
        updateRecoveryFlowBody: { method: "code", code: issued.recovery_code },
      }),
    );
    expect(again.status).toBe(400);
    // Admin-issued codes are not sent by the courier (as in Kratos); the settings change sends a
    // verification code to the still-pending address (hook.Verifier).
    const sent = (await courier.listCourierMessages({ recipient: email })).data.map((m) => m.template_type);
    expect(sent).toEqual(["verification_code_valid"]);
  });

  test("an expired admin code's flow answers 410", async () => {
    const user = await createUser(uniqueEmail("rec-exp"));
    const { data: issued } = await k.identity.createRecoveryCodeForIdentity({
      createRecoveryCodeForIdentityBody: { identity_id: user.id, flow_type: "api", expires_in: "1m" },
    });
    const flowId = new URL(issued.recovery_link).searchParams.get("flow") ?? "";
    k.clock.offsetMs = 120_000;
    try {
      const res = await failure(
        k.frontend.updateRecoveryFlow({
          flow: flowId,
          updateRecoveryFlowBody: { method: "code", code: issued.recovery_code },
        }),
      );
      expect(res.status).toBe(410);
    } finally {
      k.clock.offsetMs = 0;
    }
  });

  test("self-service recovery e-mails a code through the courier; the code verifies the address", async () => {
    const email = uniqueEmail("rec-self");
    const user = await createUser(email);
    const { data: flow } = await k.frontend.createNativeRecoveryFlow();
    const { data: sent } = await k.frontend.updateRecoveryFlow({
      flow: flow.id,
      updateRecoveryFlowBody: { method: "code", email },
    });
    expect(sent.state).toBe("sent_email");
    expect(sent.ui.messages?.[0]?.id).toBe(1060003);
    const { data: messages } = await courier.listCourierMessages({ recipient: email });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      status: "queued",
      type: "email",
      template_type: "recovery_code_valid",
      send_count: 0,
    });
    const { data: one } = await courier.getCourierMessage({ id: messages[0]?.id ?? "" });
    expect(one.body).toContain(codeFrom(one.subject));
    const { data: done } = await k.frontend.updateRecoveryFlow({
      flow: flow.id,
      updateRecoveryFlowBody: { method: "code", code: codeFrom(one.subject) },
    });
    expect(done.state).toBe("passed_challenge");
    const { data: after } = await k.identity.getIdentity({ id: user.id });
    expect(after.verifiable_addresses?.[0]).toMatchObject({ verified: true, status: "completed" });
  });

  test("an unknown address gets the same answer and no message", async () => {
    const email = uniqueEmail("rec-nobody");
    const { data: flow } = await k.frontend.createNativeRecoveryFlow();
    const { data: sent } = await k.frontend.updateRecoveryFlow({
      flow: flow.id,
      updateRecoveryFlowBody: { method: "code", email },
    });
    expect(sent.state).toBe("sent_email");
    expect((await courier.listCourierMessages({ recipient: email })).data).toEqual([]);
  });
});

describe("registration, verification, settings (API flows)", () => {
  test("sign up with a password: session hook, verification code sent, duplicate refused", async () => {
    const email = uniqueEmail("reg");
    const { data: flow } = await k.frontend.createNativeRegistrationFlow();
    expect(flow.ui.nodes.map((n) => ("name" in n.attributes ? n.attributes.name : ""))).toEqual(
      expect.arrayContaining(["csrf_token", "traits.email", "traits.name.first", "traits.name.last", "method"]),
    );
    const short = await failure(
      k.frontend.updateRegistrationFlow({
        flow: flow.id,
        updateRegistrationFlowBody: { method: "password", traits: { email }, password: "short" },
      }),
    );
    expect(short.status).toBe(400);
    const { data: ok } = await k.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: "password", traits: { email }, password: PASSWORD },
    });
    expect(ok.session_token).toMatch(/^ory_st_/);
    expect(ok.identity.verifiable_addresses?.[0]).toMatchObject({ verified: false, status: "sent" });
    const { data: messages } = await courier.listCourierMessages({ recipient: email });
    expect(messages[0]?.template_type).toBe("verification_code_valid");
    const { data: flow2 } = await k.frontend.createNativeRegistrationFlow();
    const dup = await failure(
      k.frontend.updateRegistrationFlow({
        flow: flow2.id,
        updateRegistrationFlowBody: { method: "password", traits: { email: email.toUpperCase() }, password: PASSWORD },
      }),
    );
    expect(dup.data.ui.messages?.[0]?.id).toBe(4000007);
  });

  test("verify an address with the e-mailed code: verified and verified_at set", async () => {
    const email = uniqueEmail("ver");
    const user = await createUser(email);
    const { data: flow } = await k.frontend.createNativeVerificationFlow();
    const { data: sent } = await k.frontend.updateVerificationFlow({
      flow: flow.id,
      updateVerificationFlowBody: { method: "code", email },
    });
    expect(sent.state).toBe("sent_email");
    const { data: messages } = await courier.listCourierMessages({ recipient: email });
    const code = codeFrom(messages[0]?.subject ?? "");
    const wrong = await k.frontend.updateVerificationFlow({
      flow: flow.id,
      updateVerificationFlowBody: { method: "code", code: "999999" === code ? "999998" : "999999" },
    });
    expect(wrong.data.ui.messages?.[0]?.id).toBe(4070006);
    const { data: done } = await k.frontend.updateVerificationFlow({
      flow: flow.id,
      updateVerificationFlowBody: { method: "code", code },
    });
    expect(done.state).toBe("passed_challenge");
    const { data: after } = await k.identity.getIdentity({ id: user.id });
    expect(after.verifiable_addresses?.[0]).toMatchObject({ verified: true, status: "completed" });
    expect(after.verifiable_addresses?.[0]?.verified_at).toBeTruthy();
  });

  test("settings: profile needs no re-authentication, the password does once the session is old", async () => {
    const email = uniqueEmail("set");
    await createUser(email);
    const { session_token: token } = await login(email, PASSWORD);
    const { data: flow } = await k.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const { data: saved } = await k.frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token ?? "",
      updateSettingsFlowBody: { method: "profile", traits: { email, name: { first: "Ada" } } },
    });
    expect(saved.state).toBe("success");
    expect(saved.identity.traits).toMatchObject({ name: { first: "Ada" } });
    k.clock.offsetMs = 16 * 60_000;
    try {
      const old = await failure(setPassword(token ?? "", undefined, NEW_PASSWORD));
      expect(old.status).toBe(403);
      expect(old.data.error.id).toBe("session_refresh_required");
      expect(old.data.redirect_browser_to).toContain("/self-service/login/browser?refresh=true");
      const fresh = await login(email, PASSWORD);
      expect((await setPassword(fresh.session_token ?? "", undefined, NEW_PASSWORD)).data.state).toBe("success");
    } finally {
      k.clock.offsetMs = 0;
    }
    expect((await login(email, NEW_PASSWORD)).session.identity?.traits).toMatchObject({ email });
  });
});

describe("courier admin API", () => {
  test("status and recipient filters, keyset pages, unknown ids", async () => {
    const email = uniqueEmail("courier");
    await createUser(email);
    for (let i = 0; i < 3; i++) {
      const { data: flow } = await k.frontend.createNativeRecoveryFlow();
      await k.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", email } });
    }
    const first = await courier.listCourierMessages({ recipient: email, pageSize: 2 });
    expect(first.data).toHaveLength(2);
    const next = /page_token=([^&>]+)[^>]*>; rel="next"/.exec(String(first.headers.link))?.[1];
    expect(next).toBeTruthy();
    const second = await courier.listCourierMessages({
      recipient: email,
      pageSize: 2,
      pageToken: decodeURIComponent(next ?? ""),
    });
    expect(second.data).toHaveLength(1);
    expect(new Set([...first.data, ...second.data].map((m) => m.id)).size).toBe(3);
    expect((await courier.listCourierMessages({ recipient: email, status: "sent" })).data).toEqual([]);
    expect((await failure(courier.listCourierMessages({ status: "bogus" as never }))).status).toBe(400);
    expect((await failure(courier.getCourierMessage({ id: "00000000-0000-4000-8000-000000000000" }))).status).toBe(404);
  });
});
