import type { Case } from "./case";
import { PASSWORD, emailFor, seedIdentity } from "./helpers";
import { browserSession, latestCode, maskCodes } from "./selfservice-helpers";

const json = { headers: { Accept: "application/json" } };

/** Verification (code method), browser logout, the error flow and the courier API. */
export const verificationCases: Case[] = [
  {
    name: "createNativeVerificationFlow",
    run: async (t, r) => void (await r.sdk("create", t.frontend.createNativeVerificationFlow({}))),
  },
  {
    name: "updateVerificationFlow: e-mail a code, wrong code, right code, address verified",
    run: async (t, r) => {
      const email = emailFor("verify");
      const id = await seedIdentity(t, email);
      const { data: flow } = await t.frontend.createNativeVerificationFlow({});
      await r.sdk(
        "send",
        t.frontend.updateVerificationFlow({ flow: flow.id, updateVerificationFlowBody: { method: "code", email } }),
      );
      await r.sdk("courier", t.courier.listCourierMessages({ recipient: email }), maskCodes);
      await r.sdk(
        "wrong",
        t.frontend.updateVerificationFlow({
          flow: flow.id,
          updateVerificationFlowBody: { method: "code", code: "000000" },
        }),
      );
      const code = await latestCode(t, email);
      await r.sdk(
        "right",
        t.frontend.updateVerificationFlow({ flow: flow.id, updateVerificationFlowBody: { method: "code", code } }),
      );
      await r.sdk(
        "identity",
        t.identity.getIdentity({ id }),
        (b) => (b as { verifiable_addresses?: unknown }).verifiable_addresses,
      );
    },
  },
  {
    name: "browser logout: no session, logout URL, follow it",
    run: async (t, r) => {
      const cookie = await browserSession(t, emailFor("logout-browser"), PASSWORD);
      await r.http("no session", "GET", "/self-service/logout/browser", json);
      await r.http("whoami by cookie", "GET", "/sessions/whoami", {
        headers: { Cookie: cookie },
        project: (b) => (b as { identity?: { traits?: unknown } }).identity?.traits,
      });
      const out = await r.http("with session", "GET", "/self-service/logout/browser", {
        headers: { Accept: "application/json", Cookie: cookie },
      });
      const url = (out.body as { logout_url?: string }).logout_url ?? "";
      await r.http("follow", "GET", url.slice(t.publicUrl.length), {
        headers: { Accept: "application/json", Cookie: cookie },
      });
      await r.http("whoami after", "GET", "/sessions/whoami", { headers: { Cookie: cookie } });
    },
  },
  {
    name: "GET /self-service/errors (unknown id)",
    run: async (_t, r) =>
      void (await r.http("unknown", "GET", "/self-service/errors?id=00000000-0000-4000-8000-000000000001")),
  },
  {
    name: "listCourierMessages: status filter, bad status, page size",
    run: async (t, r) => {
      await r.sdk("sent", t.courier.listCourierMessages({ status: "sent" }));
      await r.http("bogus", "GET", "admin:/admin/courier/messages?status=bogus");
      await r.http("page_size", "GET", "admin:/admin/courier/messages?page_size=1&recipient=nobody%40diff.test");
    },
  },
];
