import type { Context, Hono } from "hono";
import type { KratosDeps } from "../deps";
import { ensureCsrfCookie, flowCsrfCheck } from "../browser/csrf";
import { asBrowser, checkReturnTo, readFlowBody, seeOther, uiUrl, wantsJson } from "../browser/respond";
import { hashToken } from "../crypto/tokens";
import { KratosError } from "../errors";
import { flowMessages } from "../flows/flow-messages";
import { encodeRecoveryFlow, sendRecovery } from "../flows/recovery-flow";
import { issueRecoverySession } from "../flows/recovery-redeem";
import { createFlow, getFlowOrThrow, requestUrlOf, saveFlow, submittedFlowOrThrow } from "../flows/selfservice-flow";
import { formatTime, isUuid } from "../http";
import { extractToken, findActiveSession } from "../sessions/issue";
import type { FlowType, SelfServiceFlowRecord } from "../store/selfservice-types";

export const alreadyLoggedIn = () =>
  new KratosError(400, {
    id: "session_already_available",
    reason: "A valid session was detected and thus recovery is not possible.",
    message: "you are already logged in",
  });

/** Recovery flows (code and link methods), browser and API, plus the link method's GET. */
export function registerRecoveryPublicRoutes(app: Hono, deps: KratosDeps): void {
  const json = (f: SelfServiceFlowRecord) => encodeRecoveryFlow(f, deps);
  /** Browser flows answer HTML clients with a 303 to the recovery UI, everyone else with JSON. */
  const answer = (c: Context, f: SelfServiceFlowRecord, status: 200 | 400 = 200) =>
    f.type === "browser" && !wantsJson(c) ? seeOther(c, uiUrl(deps, "recovery", f.id)) : c.json(json(f), status);

  const init = (type: FlowType) => (c: Context) =>
    asBrowser(c, deps, () => {
      if (type === "browser") ensureCsrfCookie(c, deps);
      const returnTo = checkReturnTo(deps, c.req.query("return_to"));
      if (findActiveSession(deps, extractToken(c))) throw alreadyLoggedIn();
      const csrfToken = type === "browser" ? ensureCsrfCookie(c, deps) : "";
      const flow = createFlow(deps, "recovery", {
        type,
        requestUrl: requestUrlOf(c, deps),
        returnTo,
        state: "choose_method",
        active: deps.config.selfService.recoveryUse,
        csrfToken,
      });
      return answer(c, flow);
    });
  /** A second submit of a completed flow: 400 pointing at a fresh flow (continue_with show_recovery_ui). */
  const codeAlreadyUsed = (c: Context, flow: SelfServiceFlowRecord) => {
    const csrfToken = ensureCsrfCookie(c, deps);
    const fresh = createFlow(deps, "recovery", {
      type: flow.type,
      requestUrl: requestUrlOf(c, deps),
      state: "choose_method",
      active: deps.config.selfService.recoveryUse,
      csrfToken,
    });
    return new KratosError(400, {
      reason: "The code was already used. Please request another code.",
      details: { continue_with: [{ action: "show_recovery_ui", flow: { id: fresh.id } }] },
    });
  };
  app.get("/self-service/recovery/api", init("api"));
  app.get("/self-service/recovery/browser", init("browser"));

  app.get("/self-service/recovery/flows", (c) => {
    ensureCsrfCookie(c, deps);
    return c.json(json(getFlowOrThrow(deps, "recovery", c.req.query("id") ?? "")));
  });

  app.post("/self-service/recovery", (c) =>
    asBrowser(c, deps, async () => {
      const flow = submittedFlowOrThrow(deps, "recovery", c.req.query("flow") ?? "");
      const b = await readFlowBody(c);
      const apiViolation = flowCsrfCheck(c, deps, flow, b.csrf_token);
      if (apiViolation)
        return answer(c, saveFlow(deps, { ...flow, messages: [flowMessages.generic(apiViolation)] }), 400);
      const method = typeof b.method === "string" ? b.method : "";
      if (method !== "code" && method !== "link") {
        return answer(
          c,
          saveFlow(deps, {
            ...flow,
            messages: [
              {
                id: 4010003,
                text: "Could not find a strategy to recover your account with. Did you fill out the form correctly?",
                type: "error",
              },
            ],
          }),
          400,
        );
      }
      const code = typeof b.code === "string" ? b.code : "";
      const email = typeof b.email === "string" ? b.email : "";
      if (flow.state === "passed_challenge") throw codeAlreadyUsed(c, flow);
      if (flow.state === "sent_email" && code !== "" && email === "") {
        const token = deps.store.selfService.useRecoveryToken("code", hashToken(code), formatTime(deps.now()), flow.id);
        const identity = token ? deps.store.identities.get(token.identityId) : undefined;
        if (!identity) {
          return answer(
            c,
            saveFlow(deps, {
              ...flow,
              attempts: flow.attempts + 1,
              messages: [flowMessages.recoveryCodeInvalid()],
              transientPayload: flow.transientPayload ?? {},
            }),
          );
        }
        const done = issueRecoverySession(c, deps, flow, identity, "code_recovery");
        if (flow.type === "browser" && !wantsJson(c)) return seeOther(c, done.settingsUrl);
        return c.json({ ...json(done.flow), continue_with: done.continueWith });
      }
      if (findActiveSession(deps, extractToken(c))) throw alreadyLoggedIn();
      if (email === "") {
        return answer(
          c,
          saveFlow(deps, { ...flow, nodeMessages: { email: [flowMessages.missingProperty("email")] } }),
          400,
        );
      }
      return answer(c, sendRecovery(deps, flow, email));
    }),
  );

  // The link method: GET /self-service/recovery?flow=…&token=… from the e-mail or the admin API.
  app.get("/self-service/recovery", (c) =>
    asBrowser(c, deps, () => {
      const flowId = c.req.query("flow") ?? "";
      const token = c.req.query("token") ?? "";
      const known = isUuid(flowId) ? deps.store.selfService.getFlow(flowId.toLowerCase(), "recovery") : undefined;
      const used = token
        ? deps.store.selfService.useRecoveryToken("link", hashToken(token), formatTime(deps.now()), known?.id)
        : undefined;
      const identity = used ? deps.store.identities.get(used.identityId) : undefined;
      if (!known || !identity) {
        const fresh = createFlow(deps, "recovery", {
          type: "browser",
          requestUrl: requestUrlOf(c, deps),
          state: "choose_method",
          active: "link",
          csrfToken: ensureCsrfCookie(c, deps),
          messages: [flowMessages.recoveryTokenInvalid()],
        });
        return seeOther(c, uiUrl(deps, "recovery", fresh.id));
      }
      const done = issueRecoverySession(c, deps, { ...known, type: "browser" }, identity, "link_recovery");
      return seeOther(c, done.settingsUrl);
    }),
  );
}
