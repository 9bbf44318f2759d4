import type { Context, Hono } from "hono";
import type { KratosDeps } from "../deps";
import { ensureCsrfCookie, flowCsrfCheck, regenerateCsrfCookie } from "../browser/csrf";
import { asBrowser, checkReturnTo, readFlowBody, seeOther, uiUrl, wantsJson } from "../browser/respond";
import { setSessionCookie } from "../browser/session-cookie";
import { encodeIdentity } from "../encode/identity";
import { encodeSession } from "../encode/session";
import { KratosError } from "../errors";
import { flowMessages } from "../flows/flow-messages";
import { encodeRegistrationFlow, registrationDisabled } from "../flows/registration-flow";
import { registerWithPassword } from "../flows/registration-submit";
import { createFlow, getFlowOrThrow, requestUrlOf, saveFlow, submittedFlowOrThrow } from "../flows/selfservice-flow";
import { notifyWebHook } from "../hooks/web-hook";
import { isObject, type JsonObject } from "../http";
import { extractToken, findActiveSession } from "../sessions/issue";
import type { FlowType, SelfServiceFlowRecord } from "../store/selfservice-types";

const alreadyLoggedIn = () =>
  new KratosError(400, {
    id: "session_already_available",
    reason: "A valid session was detected and thus registration is not possible.",
    message: "you are already logged in",
  });

/** Registration flows with the password method (and the profile step before it), browser and API. */
export function registerRegistrationRoutes(app: Hono, deps: KratosDeps): void {
  const json = (f: SelfServiceFlowRecord) => encodeRegistrationFlow(f, deps);
  const answer = (c: Context, f: SelfServiceFlowRecord, status: 200 | 400 = 200) =>
    f.type === "browser" && !wantsJson(c) ? seeOther(c, uiUrl(deps, "registration", f.id)) : c.json(json(f), status);
  const enabled = () => {
    if (!deps.config.selfService.registrationEnabled) throw registrationDisabled();
  };

  const init = (type: FlowType) => (c: Context) =>
    asBrowser(c, deps, () => {
      enabled();
      if (type === "browser") ensureCsrfCookie(c, deps);
      const returnTo = checkReturnTo(deps, c.req.query("return_to"));
      if (findActiveSession(deps, extractToken(c))) {
        if (type === "browser" && !wantsJson(c))
          return seeOther(c, returnTo ?? deps.config.selfService.defaultReturnUrl);
        throw alreadyLoggedIn();
      }
      const csrfToken = type === "browser" ? ensureCsrfCookie(c, deps) : "";
      return answer(
        c,
        createFlow(deps, "registration", {
          type,
          requestUrl: requestUrlOf(c, deps),
          returnTo,
          state: "choose_method",
          csrfToken,
        }),
      );
    });
  app.get("/self-service/registration/api", init("api"));
  app.get("/self-service/registration/browser", init("browser"));

  app.get("/self-service/registration/flows", (c) => {
    ensureCsrfCookie(c, deps);
    return c.json(json(getFlowOrThrow(deps, "registration", c.req.query("id") ?? "")));
  });

  app.post("/self-service/registration", (c) =>
    asBrowser(c, deps, async () => {
      enabled();
      const flow = submittedFlowOrThrow(deps, "registration", c.req.query("flow") ?? "");
      const b = await readFlowBody(c);
      const apiViolation = flowCsrfCheck(c, deps, flow, b.csrf_token);
      if (apiViolation)
        return answer(c, saveFlow(deps, { ...flow, messages: [flowMessages.generic(apiViolation)] }), 400);
      if (findActiveSession(deps, extractToken(c))) throw alreadyLoggedIn();
      const method = typeof b.method === "string" ? b.method : "";
      const traits = isObject(b.traits) ? b.traits : {};
      if (method === "profile") {
        if (b.screen === "previous")
          return answer(c, saveFlow(deps, { ...flow, values: { traits }, messages: [], nodeMessages: {} }));
        return answer(
          c,
          saveFlow(deps, {
            ...flow,
            values: { traits, step: "credentials" },
            messages: [flowMessages.registrationChooseCredential()],
            nodeMessages: {},
          }),
          400,
        );
      }
      if (method !== "password")
        return answer(
          c,
          saveFlow(deps, { ...flow, values: {}, messages: [flowMessages.registrationNoStrategy()], nodeMessages: {} }),
          400,
        );
      const result = await registerWithPassword(c, deps, flow, b);
      if (!result.ok) return answer(c, saveFlow(deps, result.flow), 400);
      saveFlow(deps, { ...flow, active: "password", state: "passed_challenge" });
      notifyWebHook(deps, "registration", result.identity.id, flow.id, result.session?.record);
      const now = deps.now();
      const identityJson = encodeIdentity(result.identity, {
        publicBaseUrl: deps.config.publicBaseUrl,
        admin: false,
        credentials: false,
      });
      const session = result.session;
      const sessionJson = session
        ? encodeSession(session.record, {
            now,
            identity: result.identity,
            expandIdentity: true,
            expandDevices: true,
            identityOptions: { publicBaseUrl: deps.config.publicBaseUrl, admin: false },
          })
        : undefined;
      const returnTo = flow.returnTo ?? deps.config.selfService.defaultReturnUrl;
      if (flow.type === "browser") {
        if (session) setSessionCookie(c, session.token, session.record.expiresAt, now);
        regenerateCsrfCookie(c, deps); // a new privilege level gets a new CSRF token, as Kratos does
        if (!wantsJson(c)) return seeOther(c, returnTo);
        const out: JsonObject = {
          ...(sessionJson && { session: sessionJson }),
          identity: identityJson,
          continue_with: [{ action: "redirect_browser_to", redirect_browser_to: returnTo }],
        };
        return c.json(out);
      }
      if (!session) return c.json({ identity: identityJson, continue_with: null });
      return c.json({
        session_token: session.token,
        session: sessionJson,
        identity: identityJson,
        continue_with: [{ action: "set_ory_session_token", ory_session_token: session.token }],
      });
    }),
  );
}
