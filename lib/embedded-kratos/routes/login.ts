import type { Context, Hono } from "hono";
import type { KratosDeps } from "../deps";
import { encodeSession } from "../encode/session";
import { KratosError, badRequest, notFoundRow } from "../errors";
import { createLoginFlow, encodeLoginFlow } from "../flows/login-flow";
import { apiFlowCsrfViolation } from "../browser/csrf";
import { messages } from "../flows/messages";
import { loginWithPassword } from "../flows/password-login";
import { notifyWebHook } from "../hooks/web-hook";
import { formatTime, isObject, isUuid, readJson, type JsonObject } from "../http";
import { extractToken, findActiveSession } from "../sessions/issue";
import type { LoginFlowRecord } from "../store/types";
import { setCsrfCookie } from "./csrf-cookie";
import { boolParam, requestQuery } from "./pagination";

const alreadyLoggedIn = () =>
  new KratosError(400, {
    id: "session_already_available",
    message: "you are already logged in",
    reason: "A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?",
  });

/** Native (API) login flows: create, fetch, submit. */
export function registerLoginRoutes(app: Hono, deps: KratosDeps): void {
  const flowJson = (f: LoginFlowRecord) => encodeLoginFlow(f, deps);
  const requestUrl = (c: Context) => {
    const u = new URL(c.req.url);
    return `${deps.config.publicBaseUrl}/self-service/login/api${u.search}`;
  };

  app.get("/self-service/login/api", (c) => {
    const q = requestQuery(c);
    const refresh = boolParam(q, "refresh") ?? false;
    const aal = q.get("aal") || "aal1";
    if (aal !== "aal1" && aal !== "aal2") {
      throw badRequest(
        `Unable to parse AuthenticationMethod Assurance Level (AAL): expected one of [aal1, aal2] but got ${aal}`,
      );
    }
    const current = findActiveSession(deps, extractToken(c));
    if (aal === "aal2" && !current) {
      throw new KratosError(401, {
        id: "session_aal1_required",
        reason: "You can not requested a higher AAL (AAL2/AAL3) without an active session.",
        message: "aal2 and aal3 can only be requested if a session exists already",
      });
    }
    if (current && !refresh && aal === "aal1") throw alreadyLoggedIn();
    const flow = createLoginFlow(deps, {
      refresh,
      requestedAal: aal,
      requestUrl: requestUrl(c),
      returnTo: q.get("return_to"),
    });
    return c.json(flowJson(flow));
  });

  app.get("/self-service/login/flows", (c) => {
    setCsrfCookie(c, deps.config.publicBaseUrl);
    const id = c.req.query("id") ?? "";
    const flow = isUuid(id) ? deps.store.flows.getLoginFlow(id.toLowerCase()) : undefined;
    if (!flow) throw notFoundRow();
    if (new Date(flow.expiresAt) <= deps.now()) {
      throw new KratosError(410, {
        id: "self_service_flow_expired",
        reason: "The login flow has expired. Call the login flow init API endpoint to initialize a new login flow.",
        message: "self-service flow expired",
        details: { api: `${deps.config.publicBaseUrl}/self-service/login/api` },
      });
    }
    return c.json(flowJson(flow));
  });

  app.post("/self-service/login", async (c) => {
    const flowId = c.req.query("flow") ?? "";
    if (!isUuid(flowId)) throw badRequest("The flow query parameter is missing or malformed.");
    const flow = deps.store.flows.getLoginFlow(flowId.toLowerCase());
    if (!flow) throw notFoundRow();
    const now = deps.now();
    if (new Date(flow.expiresAt) <= now) throw expiredError(deps, flow, now, requestUrl(c));
    const b = await readLoginBody(c);
    const fail = (f: LoginFlowRecord) => {
      deps.store.flows.saveLoginFlow(f);
      return c.json(flowJson(f), 400);
    };
    const method = typeof b.method === "string" ? b.method : "";
    if (method !== "password" && method !== "oidc") return fail({ ...flow, messages: [messages.noStrategy()] });
    const csrf = apiFlowCsrfViolation(c);
    const typed = typeof b.identifier === "string" ? b.identifier : undefined;
    if (csrf)
      return fail({ ...flow, identifierValue: typed ?? flow.identifierValue, messages: [messages.generic(csrf)] });
    if (!flow.refresh && findActiveSession(deps, extractToken(c))) throw alreadyLoggedIn();
    if (method === "oidc") throw oidcRedirect(deps, flow, typeof b.provider === "string" ? b.provider : "");

    const result = await loginWithPassword(deps, flow, b, c);
    if (!result.ok) return fail(result.flow);
    deps.store.flows.saveLoginFlow({ ...flow, active: "password", updatedAt: formatTime(deps.now()) });
    notifyWebHook(deps, "login", result.identity.id, flow.id, result.session);
    const session = encodeSession(result.session, {
      now: deps.now(),
      identity: result.identity,
      expandIdentity: true,
      expandDevices: true,
      identityOptions: { publicBaseUrl: deps.config.publicBaseUrl, admin: false },
    });
    return c.json({ session_token: result.token, session, continue_with: null });
  });
}

/** Kratos decodes login bodies as JSON or as an HTML form (decoderx), whatever the flow type. */
async function readLoginBody(c: Context): Promise<JsonObject> {
  if ((c.req.header("Content-Type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(await c.req.text()));
  }
  const body = await readJson(c);
  return isObject(body) ? body : {};
}

/** 410 with a replacement flow, as flow.ExpiredError renders for API clients. */
function expiredError(deps: KratosDeps, flow: LoginFlowRecord, now: Date, requestUrl: string): KratosError {
  const agoMs = now.getTime() - new Date(flow.expiresAt).getTime();
  const minutes = agoMs / 60_000;
  const fresh = createLoginFlow(deps, {
    refresh: flow.refresh,
    requestedAal: flow.requestedAal,
    requestUrl,
    returnTo: flow.returnTo,
    messages: [messages.flowExpired(minutes, Math.floor(new Date(flow.expiresAt).getTime() / 1000))],
  });
  return new KratosError(
    410,
    {
      id: "self_service_flow_expired",
      reason: `The self-service flow expired ${minutes.toFixed(2)} minutes ago, initialize a new one.`,
      message: "self-service flow expired",
    },
    { expired_at: flow.expiresAt, since: agoMs * 1_000_000, use_flow_id: fresh.id },
  );
}

/** OIDC cannot complete over JSON: Kratos asks the client to open the provider in a browser. */
function oidcRedirect(deps: KratosDeps, flow: LoginFlowRecord, provider: string): KratosError {
  const known = deps.config.oidcProviders.some((p) => p.id === provider);
  if (!known)
    return new KratosError(404, {
      reason: `OpenID Connect Provider "${provider}" is unknown or has not been configured`,
    });
  const url = `${deps.config.publicBaseUrl}/self-service/methods/oidc/auth/${flow.id}?provider=${encodeURIComponent(provider)}`;
  return new KratosError(
    422,
    {
      id: "browser_location_change_required",
      reason: `In order to complete this flow please redirect the browser to: ${url}`,
      message: "browser location change required",
    },
    { redirect_browser_to: url },
  );
}
