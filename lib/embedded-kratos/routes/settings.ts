import type { Context, Hono } from "hono";
import type { KratosDeps } from "../deps";
import { ensureCsrfCookie, flowCsrfCheck } from "../browser/csrf";
import { asBrowser, checkReturnTo, readFlowBody, seeOther, uiUrl, wantsJson } from "../browser/respond";
import { flowMessages } from "../flows/flow-messages";
import { getFlowOrThrow, requestUrlOf, saveFlow, submittedFlowOrThrow } from "../flows/selfservice-flow";
import { createSettingsFlow, encodeSettingsFlow, identityMismatch, settingsNeedSession } from "../flows/settings-flow";
import { settingsNoStrategy, updatePassword, updateProfile } from "../flows/settings-submit";
import { startVerificationAfterRegistration } from "../flows/verification-flow";
import { notifyWebHook } from "../hooks/web-hook";
import { extractToken, findActiveSession } from "../sessions/issue";
import type { FlowType, SelfServiceFlowRecord } from "../store/selfservice-types";

/** Settings flows (profile and password methods), browser and API; every call needs a session. */
export function registerSettingsRoutes(app: Hono, deps: KratosDeps): void {
  const json = (f: SelfServiceFlowRecord) => encodeSettingsFlow(f, deps);
  const answer = (c: Context, f: SelfServiceFlowRecord, status: 200 | 400 = 200) =>
    f.type === "browser" && !wantsJson(c) ? seeOther(c, uiUrl(deps, "settings", f.id)) : c.json(json(f), status);
  const sessionOf = (c: Context) => findActiveSession(deps, extractToken(c));

  const init = (type: FlowType) => (c: Context) =>
    asBrowser(c, deps, () => {
      if (type === "browser") ensureCsrfCookie(c, deps);
      const returnTo = checkReturnTo(deps, c.req.query("return_to"));
      const found = sessionOf(c);
      if (!found) {
        if (type === "browser" && !wantsJson(c)) {
          return seeOther(c, `${deps.config.publicBaseUrl}/self-service/login/browser`);
        }
        throw settingsNeedSession();
      }
      const csrfToken = type === "browser" ? ensureCsrfCookie(c, deps) : "";
      const flow = createSettingsFlow(deps, found.identity, {
        type,
        requestUrl: requestUrlOf(c, deps),
        returnTo,
        csrfToken,
      });
      return answer(c, flow);
    });
  app.get("/self-service/settings/api", init("api"));
  app.get("/self-service/settings/browser", init("browser"));

  app.get("/self-service/settings/flows", (c) => {
    ensureCsrfCookie(c, deps);
    const found = sessionOf(c);
    if (!found) throw settingsNeedSession();
    const flow = getFlowOrThrow(deps, "settings", c.req.query("id") ?? "");
    if (flow.identityId !== found.identity.id) throw identityMismatch();
    return c.json(json(flow));
  });

  app.post("/self-service/settings", (c) =>
    asBrowser(c, deps, async () => {
      const flow = submittedFlowOrThrow(deps, "settings", c.req.query("flow") ?? "");
      const found = sessionOf(c);
      if (!found) throw settingsNeedSession();
      if (flow.identityId !== found.identity.id) throw identityMismatch();
      const b = await readFlowBody(c);
      const apiViolation = flowCsrfCheck(c, deps, flow, b.csrf_token);
      if (apiViolation)
        return answer(c, saveFlow(deps, { ...flow, messages: [flowMessages.generic(apiViolation)] }), 400);
      const url = new URL(c.req.url);
      const path = `${url.pathname}${url.search}`;
      const method = typeof b.method === "string" ? b.method : "";
      const outcome =
        method === "profile"
          ? updateProfile(deps, flow, found.identity, found.session, b, path)
          : method === "password"
            ? await updatePassword(deps, flow, found.identity, found.session, b, path)
            : undefined;
      if (!outcome) throw settingsNoStrategy();
      const saved = saveFlow(deps, { ...outcome.flow, active: method });
      if (!outcome.ok) return answer(c, saved, 400);
      notifyWebHook(deps, "settings", found.identity.id, flow.id, found.session);
      const updated = deps.store.identities.get(found.identity.id);
      if (updated)
        startVerificationAfterRegistration(deps, updated, flow.type, `${deps.config.publicBaseUrl}${path}`, "settings");
      if (flow.type === "browser" && !wantsJson(c))
        return seeOther(c, flow.returnTo ?? uiUrl(deps, "settings", saved.id));
      return c.json(json(saved));
    }),
  );
}
