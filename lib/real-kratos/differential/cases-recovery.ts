import type { Case } from "./case";
import { PASSWORD, emailFor, seedIdentity, seedLogin } from "./helpers";
import { actionsOf, browserInit, formErrors, latestCode, maskCodes } from "./selfservice-helpers";

const NEW_PASSWORD = "Diff-new-pass-for-tests-2";

/** Recovery (code, admin code and link), the settings flow it leads to, and the courier. */
export const recoveryCases: Case[] = [
  {
    name: "createNativeRecoveryFlow",
    run: async (t, r) => void (await r.sdk("create", t.frontend.createNativeRecoveryFlow({}))),
  },
  {
    name: "updateRecoveryFlow: e-mail a code, wrong code, right code (continue_with settings)",
    run: async (t, r) => {
      const email = emailFor("rec-self");
      const id = await seedIdentity(t, email);
      const { data: flow } = await t.frontend.createNativeRecoveryFlow({});
      await r.sdk(
        "send",
        t.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", email } }),
      );
      await r.sdk("courier", t.courier.listCourierMessages({ recipient: email }), maskCodes);
      await r.sdk(
        "wrong",
        t.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", code: "000000" } }),
      );
      const code = await latestCode(t, email);
      await r.sdk(
        "right",
        t.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", code } }),
      );
      await r.sdk(
        "address verified",
        t.identity.getIdentity({ id }),
        (b) => (b as { verifiable_addresses?: unknown }).verifiable_addresses,
      );
    },
  },
  {
    name: "updateRecoveryFlow: unknown address (nothing sent, same answer)",
    run: async (t, r) => {
      const email = emailFor("rec-nobody");
      const { data: flow } = await t.frontend.createNativeRecoveryFlow({});
      await r.sdk(
        "send",
        t.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", email } }),
      );
      await r.sdk("courier", t.courier.listCourierMessages({ recipient: email }));
    },
  },
  {
    name: "admin recovery code (api flow): redeem, settings with the token, new password, reuse",
    run: async (t, r) => {
      const email = emailFor("rec-admin");
      const identity_id = await seedIdentity(t, email);
      const { data: issued } = await t.identity.createRecoveryCodeForIdentity({
        createRecoveryCodeForIdentityBody: { identity_id, flow_type: "api" },
      });
      const flowId = new URL(issued.recovery_link).searchParams.get("flow") ?? "";
      await r.sdk("flow", t.frontend.getRecoveryFlow({ id: flowId }));
      const done = await r.sdk(
        "redeem",
        t.frontend.updateRecoveryFlow({
          flow: flowId,
          updateRecoveryFlowBody: { method: "code", code: issued.recovery_code },
        }),
      );
      const items = done?.continue_with ?? [];
      const tokenItem = items.find((x) => x.action === "set_ory_session_token");
      const settingsItem = items.find((x) => x.action === "show_settings_ui");
      const token = tokenItem && "ory_session_token" in tokenItem ? tokenItem.ory_session_token : "";
      const settingsId = settingsItem && "flow" in settingsItem ? settingsItem.flow.id : "";
      await r.sdk("settings flow", t.frontend.getSettingsFlow({ id: settingsId, xSessionToken: token }));
      await r.sdk(
        "whoami",
        t.frontend.toSession({ xSessionToken: token }),
        (b) => (b as { authentication_methods?: unknown }).authentication_methods,
      );
      await r.sdk(
        "short password",
        t.frontend.updateSettingsFlow({
          flow: settingsId,
          xSessionToken: token,
          updateSettingsFlowBody: { method: "password", password: "short" },
        }),
        formErrors,
      );
      await r.sdk(
        "new password",
        t.frontend.updateSettingsFlow({
          flow: settingsId,
          xSessionToken: token,
          updateSettingsFlowBody: { method: "password", password: NEW_PASSWORD },
        }),
        formErrors,
      );
      const { data: login } = await t.frontend.createNativeLoginFlow({});
      await r.sdk(
        "login",
        t.frontend.updateLoginFlow({
          flow: login.id,
          updateLoginFlowBody: { method: "password", identifier: email, password: NEW_PASSWORD },
        }),
        () => "ok",
      );
      await r.sdk(
        "reuse",
        t.frontend.updateRecoveryFlow({
          flow: flowId,
          updateRecoveryFlowBody: { method: "code", code: issued.recovery_code },
        }),
        formErrors,
      );
      // Admin codes are not e-mailed; the settings change sends a verification code to the pending address.
      await r.sdk("courier", t.courier.listCourierMessages({ recipient: email }), maskCodes);
    },
  },
  {
    name: "admin recovery code (browser flow) redeemed over JSON",
    run: async (t, r) => {
      const identity_id = await seedIdentity(t, emailFor("rec-admin-browser"));
      const { data: issued } = await t.identity.createRecoveryCodeForIdentity({
        createRecoveryCodeForIdentityBody: { identity_id },
      });
      const flowId = new URL(issued.recovery_link).searchParams.get("flow") ?? "";
      await r.http("redeem", "POST", `/self-service/recovery?flow=${flowId}`, {
        json: { method: "code", code: issued.recovery_code },
        project: (b) => ({ state: (b as { state?: string }).state, actions: actionsOf(b) }),
      });
    },
  },
  {
    name: "admin recovery link: the browser is signed in and sent to settings, once",
    run: async (t, r) => {
      const identity_id = await seedIdentity(t, emailFor("rec-link"));
      const { data } = await t.identity.createRecoveryLinkForIdentity({
        createRecoveryLinkForIdentityBody: { identity_id },
      });
      const path = data.recovery_link.slice(t.publicUrl.length);
      await r.http("open", "GET", path, { headers: { Accept: "text/html" }, project: () => null });
      await r.http("again", "GET", path, { headers: { Accept: "text/html" }, project: () => null });
    },
  },
  {
    name: "recovery browser flow: e-mail a code by form post",
    run: async (t, r) => {
      const email = emailFor("rec-browser");
      await seedIdentity(t, email);
      const { flow, cookie, csrf } = await browserInit(t, "recovery");
      await r.http("send", "POST", `/self-service/recovery?flow=${flow.id}`, {
        form: { method: "code", email, csrf_token: csrf },
        headers: { Cookie: cookie, Accept: "text/html" },
      });
      await r.sdk("courier", t.courier.listCourierMessages({ recipient: email }), (b) =>
        (b as { template_type: string }[]).map((m) => m.template_type),
      );
    },
  },
  {
    name: "settings: no session, profile update, fresh-session password change",
    run: async (t, r) => {
      const email = emailFor("settings");
      await seedIdentity(t, email);
      const { token } = await seedLogin(t, email);
      await r.http("no session", "GET", "/self-service/settings/api");
      const { data: flow } = await t.frontend.createNativeSettingsFlow({ xSessionToken: token });
      await r.sdk(
        "profile",
        t.frontend.updateSettingsFlow({
          flow: flow.id,
          xSessionToken: token,
          updateSettingsFlowBody: { method: "profile", traits: { email, name: { first: "Ada" } } },
        }),
        formErrors,
      );
      await r.sdk(
        "password",
        t.frontend.updateSettingsFlow({
          flow: flow.id,
          xSessionToken: token,
          updateSettingsFlowBody: { method: "password", password: NEW_PASSWORD },
        }),
        formErrors,
      );
      await r.sdk(
        "identity",
        t.frontend.toSession({ xSessionToken: token }),
        (b) => (b as { identity?: { traits?: unknown } }).identity?.traits,
      );
      void PASSWORD;
    },
  },
];
