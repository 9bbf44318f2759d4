import type { Case } from "./case";
import { emailFor, only, seedIdentity, seedLogin } from "./helpers";

const ZERO = "00000000-0000-4000-8000-000000000009";
const hours = (from: string | undefined, to: string | undefined) =>
  from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 3_600_000) : null;

/** Admin session endpoints and admin recovery. */
export const sessionCases: Case[] = [
  {
    name: "listSessions (expand identity+devices, no expand, active filter)",
    run: async (t, r) => {
      const id = await seedIdentity(t, emailFor("sessions-list"));
      await seedLogin(t, emailFor("sessions-list"));
      await r.sdk(
        "expanded",
        t.identity.listSessions({ pageSize: 500, active: true, expand: ["identity", "devices"] }),
        only([id]),
      );
      const all = await r.sdk("plain", t.identity.listSessions({ pageSize: 500 }), (b) =>
        Array.isArray(b) ? b.slice(0, 1) : b,
      );
      r.note(
        "plain list identity/devices",
        all?.[0] ? { identity: all[0].identity, devices: all[0].devices } : "empty",
      );
      await r.sdk("bad expand", t.identity.listSessions({ expand: ["nope" as never] }));
      await r.http("bad active", "GET", "admin:/admin/sessions?active=maybe");
      await r.sdk("page size 1", t.identity.listSessions({ pageSize: 1 }), (b) => (Array.isArray(b) ? b.length : b));
    },
  },
  {
    name: "listIdentitySessions (known, unknown, malformed)",
    run: async (t, r) => {
      const id = await seedIdentity(t, emailFor("sessions-of"));
      await seedLogin(t, emailFor("sessions-of"));
      await seedLogin(t, emailFor("sessions-of"));
      await r.sdk("known", t.identity.listIdentitySessions({ id, pageSize: 1 }), (b) =>
        Array.isArray(b) ? b.length : b,
      );
      await r.sdk("active", t.identity.listIdentitySessions({ id, active: true }), (b) =>
        Array.isArray(b) ? b.length : b,
      );
      await r.sdk("unknown identity", t.identity.listIdentitySessions({ id: ZERO }));
      await r.sdk("malformed", t.identity.listIdentitySessions({ id: "nope" }));
    },
  },
  {
    name: "listIdentitySessions: session JSON",
    run: async (t, r) => {
      const id = await seedIdentity(t, emailFor("sessions-json"));
      await seedLogin(t, emailFor("sessions-json"));
      await r.sdk("list", t.identity.listIdentitySessions({ id }));
    },
  },
  {
    name: "getSession (expand, plain, unknown, malformed)",
    run: async (t, r) => {
      await seedIdentity(t, emailFor("session-get"));
      const { sessionId } = await seedLogin(t, emailFor("session-get"));
      await r.sdk("expanded", t.identity.getSession({ id: sessionId, expand: ["identity", "devices"] }));
      await r.sdk("plain", t.identity.getSession({ id: sessionId }));
      await r.sdk("unknown", t.identity.getSession({ id: ZERO }));
      await r.sdk("malformed", t.identity.getSession({ id: "nope" }));
    },
  },
  {
    name: "disableSession (then whoami, get, again, unknown)",
    run: async (t, r) => {
      await seedIdentity(t, emailFor("session-disable"));
      const { token, sessionId } = await seedLogin(t, emailFor("session-disable"));
      await r.sdk("disable", t.identity.disableSession({ id: sessionId }));
      await r.sdk("whoami", t.frontend.toSession({ xSessionToken: token }));
      await r.sdk("get", t.identity.getSession({ id: sessionId }), (b) =>
        b && typeof b === "object" && "active" in b ? { active: b.active } : b,
      );
      await r.sdk("again", t.identity.disableSession({ id: sessionId }));
      await r.sdk("unknown", t.identity.disableSession({ id: ZERO }));
    },
  },
  {
    name: "deleteIdentitySessions (with, without, unknown identity)",
    run: async (t, r) => {
      const id = await seedIdentity(t, emailFor("sessions-delete"));
      const { token } = await seedLogin(t, emailFor("sessions-delete"));
      await r.sdk("delete", t.identity.deleteIdentitySessions({ id }));
      await r.sdk("whoami", t.frontend.toSession({ xSessionToken: token }));
      await r.sdk("none left", t.identity.deleteIdentitySessions({ id }));
      await r.sdk("unknown identity", t.identity.deleteIdentitySessions({ id: ZERO }));
    },
  },
  {
    name: "extendSession (fresh session, unknown)",
    run: async (t, r) => {
      await seedIdentity(t, emailFor("session-extend"));
      const { sessionId } = await seedLogin(t, emailFor("session-extend"));
      const before = (await t.identity.getSession({ id: sessionId })).data;
      const after = await r.sdk("extend", t.identity.extendSession({ id: sessionId }));
      r.note("expires_at moved by (h)", hours(before.expires_at, after?.expires_at));
      await r.sdk("unknown", t.identity.extendSession({ id: ZERO }));
    },
  },
  {
    name: "createRecoveryCodeForIdentity (ok, unknown, bad expires_in)",
    run: async (t, r) => {
      const id = await seedIdentity(t, emailFor("recovery-code"));
      const made = await r.sdk(
        "code",
        t.identity.createRecoveryCodeForIdentity({
          createRecoveryCodeForIdentityBody: { identity_id: id, expires_in: "2h" },
        }),
      );
      r.note("code shape", /^\d{6}$/.test(made?.recovery_code ?? "") ? "6 digits" : made?.recovery_code);
      await r.sdk(
        "unknown",
        t.identity.createRecoveryCodeForIdentity({ createRecoveryCodeForIdentityBody: { identity_id: ZERO } }),
      );
      await r.sdk(
        "bad expires_in",
        t.identity.createRecoveryCodeForIdentity({
          createRecoveryCodeForIdentityBody: { identity_id: id, expires_in: "soon" },
        }),
      );
    },
  },
  {
    name: "createRecoveryLinkForIdentity",
    run: async (t, r) => {
      const id = await seedIdentity(t, emailFor("recovery-link"));
      await r.sdk(
        "link",
        t.identity.createRecoveryLinkForIdentity({ createRecoveryLinkForIdentityBody: { identity_id: id } }),
      );
      await r.sdk(
        "unknown",
        t.identity.createRecoveryLinkForIdentity({ createRecoveryLinkForIdentityBody: { identity_id: ZERO } }),
      );
    },
  },
];
