/**
 * The self-service configuration both servers get in the differential run: the same UI URLs,
 * registration with the session hook, the link method, continue_with transitions (without which
 * Kratos's API recovery flow never hands out the session token) and a 15-minute privileged session.
 */
export const UI_BASE = "http://127.0.0.1:4455";

const ui = (name: string) => `${UI_BASE}/${name}`;

export const realSelfServiceOverrides: Record<string, unknown> = {
  feature_flags: { use_continue_with_transitions: true },
  selfservice: {
    flows: {
      registration: {
        enabled: true,
        ui_url: ui("registration"),
        after: { password: { hooks: [{ hook: "session" }] } },
      },
      recovery: { enabled: true, use: "code", ui_url: ui("recovery") },
      verification: { enabled: true, use: "code", ui_url: ui("verification") },
      settings: { ui_url: ui("settings"), privileged_session_max_age: "15m" },
      login: { ui_url: ui("login") },
      error: { ui_url: ui("error") },
    },
    methods: { link: { enabled: true } },
  },
};

export const embeddedSelfService = {
  uiUrls: {
    login: ui("login"),
    registration: ui("registration"),
    recovery: ui("recovery"),
    verification: ui("verification"),
    settings: ui("settings"),
    error: ui("error"),
  },
  defaultReturnUrl: "http://127.0.0.1:8787/",
  privilegedSessionMaxAgeMs: 15 * 60_000,
};
