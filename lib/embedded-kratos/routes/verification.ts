import type { Context, Hono } from "hono";
import type { KratosDeps } from "../deps";
import { ensureCsrfCookie, flowCsrfCheck } from "../browser/csrf";
import { asBrowser, checkReturnTo, readFlowBody, seeOther, uiUrl, wantsJson } from "../browser/respond";
import { notImplemented } from "../http";
import { flowMessages } from "../flows/flow-messages";
import { createFlow, getFlowOrThrow, requestUrlOf, saveFlow, submittedFlowOrThrow } from "../flows/selfservice-flow";
import { encodeVerificationFlow, redeemVerificationCode, requestVerification } from "../flows/verification-flow";
import type { FlowType, SelfServiceFlowRecord } from "../store/selfservice-types";

/** Verification flows with the code method, browser and API; the e-mailed link is the GET. */
export function registerVerificationRoutes(app: Hono, deps: KratosDeps): void {
  const json = (f: SelfServiceFlowRecord) => encodeVerificationFlow(f, deps);
  // The code strategy answers any client that does not ask for JSON with a redirect to the UI,
  // even for API flows (Kratos v26.2.0 behaviour).
  const answer = (c: Context, f: SelfServiceFlowRecord, status: 200 | 400 = 200) =>
    !wantsJson(c) ? seeOther(c, uiUrl(deps, "verification", f.id)) : c.json(json(f), status);
  const enabled = () => {
    if (!deps.config.selfService.verificationEnabled) throw notImplemented("Verification");
  };

  const init = (type: FlowType) => (c: Context) =>
    asBrowser(c, deps, () => {
      enabled();
      if (type === "browser") ensureCsrfCookie(c, deps);
      const returnTo = checkReturnTo(deps, c.req.query("return_to"));
      const csrfToken = type === "browser" ? ensureCsrfCookie(c, deps) : "";
      const flow = createFlow(deps, "verification", {
        type,
        requestUrl: requestUrlOf(c, deps),
        returnTo,
        state: "choose_method",
        active: "code",
        csrfToken,
      });
      return type === "browser" && !wantsJson(c)
        ? seeOther(c, uiUrl(deps, "verification", flow.id))
        : c.json(json(flow));
    });
  app.get("/self-service/verification/api", init("api"));
  app.get("/self-service/verification/browser", init("browser"));

  app.get("/self-service/verification/flows", (c) => {
    ensureCsrfCookie(c, deps);
    return c.json(json(getFlowOrThrow(deps, "verification", c.req.query("id") ?? "")));
  });

  const submit = async (c: Context, flow: SelfServiceFlowRecord, code: string, email: string, csrf: unknown) => {
    const apiViolation = flowCsrfCheck(c, deps, flow, csrf);
    if (apiViolation)
      return answer(c, saveFlow(deps, { ...flow, messages: [flowMessages.generic(apiViolation)] }), 400);
    if (flow.state === "passed_challenge")
      return answer(c, saveFlow(deps, { ...flow, messages: [flowMessages.verificationRetrySuccess()] }), 400);
    if (code !== "" && email === "") return answer(c, redeemVerificationCode(deps, flow, code));
    if (email === "")
      return answer(
        c,
        saveFlow(deps, { ...flow, nodeMessages: { email: [flowMessages.missingProperty("email")] } }),
        400,
      );
    return answer(c, requestVerification(deps, flow, email));
  };

  app.post("/self-service/verification", (c) =>
    asBrowser(c, deps, async () => {
      const flow = submittedFlowOrThrow(deps, "verification", c.req.query("flow") ?? "");
      const b = await readFlowBody(c);
      const str = (v: unknown) => (typeof v === "string" ? v : "");
      return submit(c, flow, str(b.code), str(b.email), b.csrf_token);
    }),
  );

  // The link in the e-mail: GET ?flow=…&code=… redeems the code without a CSRF token.
  app.get("/self-service/verification", (c) =>
    asBrowser(c, deps, () => {
      const flow = submittedFlowOrThrow(deps, "verification", c.req.query("flow") ?? "");
      const next = redeemVerificationCode(deps, flow, c.req.query("code") ?? "");
      return seeOther(c, uiUrl(deps, "verification", next.id));
    }),
  );
}
