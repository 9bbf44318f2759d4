import type { Case } from "./case";
import { PASSWORD, emailFor, seedIdentity, seedLogin } from "./helpers";

/** Native (API) login flows, whoami and logout: the FrontendApi calls Truss makes. */
export const loginCases: Case[] = [
  {
    name: "createNativeLoginFlow",
    run: async (t, r) => void (await r.sdk("create", t.frontend.createNativeLoginFlow({}))),
  },
  {
    name: "getLoginFlow (known, unknown, malformed)",
    run: async (t, r) => {
      const { data } = await t.frontend.createNativeLoginFlow({});
      await r.sdk("known", t.frontend.getLoginFlow({ id: data.id }));
      await r.sdk("unknown", t.frontend.getLoginFlow({ id: "00000000-0000-4000-8000-000000000001" }));
      await r.sdk("malformed", t.frontend.getLoginFlow({ id: "nope" }));
    },
  },
  ...(
    [
      ["updateLoginFlow: success (session, devices, continue_with)", { identifier: "EMAIL", password: PASSWORD }],
      ["updateLoginFlow: identifier in upper case", { identifier: "UPPER", password: PASSWORD }],
      ["updateLoginFlow: wrong password", { identifier: "EMAIL", password: "wrong-password-123" }],
      ["updateLoginFlow: unknown identifier", { identifier: "nobody@diff.test", password: PASSWORD }],
      ["updateLoginFlow: missing password", { identifier: "EMAIL", password: "" }],
      ["updateLoginFlow: legacy password_identifier", { password_identifier: "EMAIL", password: PASSWORD }],
    ] as const
  ).map(([name, body], i): Case => ({
    name,
    run: async (t, r) => {
      const email = emailFor("login", i);
      await seedIdentity(t, email);
      const { data: flow } = await t.frontend.createNativeLoginFlow({});
      const fill = (v: string) => (v === "EMAIL" ? email : v === "UPPER" ? email.toUpperCase() : v);
      const sent = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, fill(v)]));
      await r.sdk(
        "submit",
        t.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "password", ...sent } as never }),
      );
    },
  })),
  {
    name: "updateLoginFlow: no method / unknown method",
    run: async (t, r) => {
      const { data: flow } = await t.frontend.createNativeLoginFlow({});
      await r.http("no method", "POST", `/self-service/login?flow=${flow.id}`, {
        json: { identifier: "a@b.c", password: "x" },
      });
      await r.http("unknown method", "POST", `/self-service/login?flow=${flow.id}`, { json: { method: "magic" } });
    },
  },
  {
    name: "updateLoginFlow: form-encoded body",
    run: async (t, r) => {
      const email = emailFor("login-form");
      await seedIdentity(t, email);
      const { data: flow } = await t.frontend.createNativeLoginFlow({});
      await r.http("submit", "POST", `/self-service/login?flow=${flow.id}`, {
        form: { method: "password", identifier: email, password: PASSWORD },
      });
    },
  },
  {
    name: "updateLoginFlow: Origin header on an API flow",
    run: async (t, r) => {
      const { data: flow } = await t.frontend.createNativeLoginFlow({});
      await r.http("submit", "POST", `/self-service/login?flow=${flow.id}`, {
        json: { method: "password", identifier: "a@b.c", password: "x" },
        headers: { Origin: "http://evil.example" },
      });
    },
  },
  {
    name: "updateLoginFlow: flow missing, malformed, unknown",
    run: async (_t, r) => {
      const json = { method: "password", identifier: "a@b.c", password: "x" };
      await r.http("missing", "POST", "/self-service/login", { json });
      await r.http("malformed", "POST", "/self-service/login?flow=nope", { json });
      await r.http("unknown", "POST", "/self-service/login?flow=00000000-0000-4000-8000-000000000002", { json });
    },
  },
  {
    name: "updateLoginFlow: disabled identity",
    run: async (t, r) => {
      const email = emailFor("login-disabled");
      await seedIdentity(t, email, { state: "inactive" });
      const { data: flow } = await t.frontend.createNativeLoginFlow({});
      await r.sdk(
        "submit",
        t.frontend.updateLoginFlow({
          flow: flow.id,
          updateLoginFlowBody: { method: "password", identifier: email, password: PASSWORD },
        }),
      );
    },
  },
  {
    name: "updateLoginFlow: oidc over JSON (known and unknown provider)",
    run: async (t, r) => {
      const { data: flow } = await t.frontend.createNativeLoginFlow({});
      await r.http("github", "POST", `/self-service/login?flow=${flow.id}`, {
        json: { method: "oidc", provider: "github" },
      });
      await r.http("unknown", "POST", `/self-service/login?flow=${flow.id}`, {
        json: { method: "oidc", provider: "nope" },
      });
    },
  },
  {
    name: "createNativeLoginFlow with a session (already logged in, refresh, aal2)",
    run: async (t, r) => {
      const email = emailFor("login-again");
      await seedIdentity(t, email);
      const { token } = await seedLogin(t, email);
      await r.sdk("again", t.frontend.createNativeLoginFlow({ xSessionToken: token }));
      await r.sdk("refresh", t.frontend.createNativeLoginFlow({ xSessionToken: token, refresh: true }));
      await r.sdk("aal2 without session", t.frontend.createNativeLoginFlow({ aal: "aal2" }));
      await r.http("bad aal", "GET", "/self-service/login/api?aal=aal9");
    },
  },
  {
    name: "toSession (token header, bearer, none, bad)",
    run: async (t, r) => {
      const email = emailFor("whoami");
      await seedIdentity(t, email);
      const { token } = await seedLogin(t, email);
      await r.sdk("x-session-token", t.frontend.toSession({ xSessionToken: token }));
      await r.http("bearer", "GET", "/sessions/whoami", { headers: { Authorization: `Bearer ${token}` } });
      await r.sdk("none", t.frontend.toSession({}));
      await r.sdk("bad", t.frontend.toSession({ xSessionToken: "ory_st_notarealtoken" }));
    },
  },
  {
    name: "toSession after the identity is disabled",
    run: async (t, r) => {
      const email = emailFor("whoami-disabled");
      const id = await seedIdentity(t, email);
      const { token } = await seedLogin(t, email);
      await t.identity.patchIdentity({ id, jsonPatch: [{ op: "replace", path: "/state", value: "inactive" }] });
      await r.sdk("whoami", t.frontend.toSession({ xSessionToken: token }));
    },
  },
  {
    name: "performNativeLogout (known twice, unknown, empty)",
    run: async (t, r) => {
      const email = emailFor("logout");
      await seedIdentity(t, email);
      const { token } = await seedLogin(t, email);
      await r.sdk("logout", t.frontend.performNativeLogout({ performNativeLogoutBody: { session_token: token } }));
      await r.sdk("whoami after", t.frontend.toSession({ xSessionToken: token }));
      await r.sdk(
        "logout again",
        t.frontend.performNativeLogout({ performNativeLogoutBody: { session_token: token } }),
      );
      await r.sdk(
        "unknown",
        t.frontend.performNativeLogout({ performNativeLogoutBody: { session_token: "ory_st_unknown" } }),
      );
      await r.http("empty", "DELETE", "/self-service/logout/api", { json: {} });
    },
  },
];
