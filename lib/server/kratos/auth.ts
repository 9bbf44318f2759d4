import "server-only";
import { kratos } from "@/lib/server/kratos/client";
import { ApiError } from "@/lib/server/http/errors";
import { attempt, call } from "@/lib/server/kratos/errors";
import { checkSession, DASHBOARD_UA_MARK, toIdentity } from "@/lib/server/kratos/mappers";
import { schemaIndex } from "@/lib/server/kratos/schemas";
import type { Identity } from "@/lib/schemas/identity";

export interface LoginFlowInfo {
  id: string;
  expires_at: string;
}

/** Starts a Kratos native (API) login flow. Only id and expiry leave the server. */
export async function createLoginFlow(): Promise<LoginFlowInfo> {
  const { frontend } = await kratos();
  const flow = await call(() => frontend.createNativeLoginFlow({}));
  return { id: flow.id, expires_at: flow.expires_at };
}

export class InvalidCredentials extends Error {}

/** The browser behind a dashboard sign-in: Kratos records these on the session's device, not Truss's own. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

// Kratos takes the device's address from True-Client-IP first (httpx.ClientIP) and its user agent from the request.
function deviceHeaders(c: ClientInfo): Record<string, string> {
  return {
    "True-Client-IP": c.ip,
    "User-Agent": `${c.userAgent?.slice(0, 400) ?? "unknown"} ${DASHBOARD_UA_MARK}`,
  };
}

/**
 * Submits email + password to an API flow, with fresh headers only (never the browser's Origin/Cookie,
 * which Kratos rejects on API flows). An expired flow is replaced once by the one Kratos hands back.
 */
export async function submitLogin(
  email: string,
  password: string,
  flowId?: string,
  client?: ClientInfo,
): Promise<{ token: string; identityId: string; expiresAt: string | null }> {
  const { frontend } = await kratos();
  let flow = flowId ?? (await createLoginFlow()).id;
  for (let round = 0; round < 2; round++) {
    const r = await attempt(() =>
      frontend.updateLoginFlow(
        { flow, updateLoginFlowBody: { method: "password", identifier: email, password } },
        client ? { headers: deviceHeaders(client) } : undefined,
      ),
    );
    if (r.ok) {
      const { data } = r;
      if (!data.session_token || !data.session?.identity) throw new InvalidCredentials();
      return {
        token: data.session_token,
        identityId: data.session.identity.id,
        expiresAt: data.session.expires_at ?? null,
      };
    }
    const body = r.body as { use_flow_id?: unknown } | undefined;
    if (r.status === 410 && typeof body?.use_flow_id === "string" && round === 0) {
      flow = body.use_flow_id;
      continue;
    }
    if (r.status === 404 && flowId && round === 0) {
      flow = (await createLoginFlow()).id; // unknown/stale flow id from the browser: start afresh
      continue;
    }
    // 400 (bad credentials), 401 (disabled identity, v26): the same answer as a wrong password.
    if (r.status === 400 || r.status === 401 || r.status === 403) throw new InvalidCredentials();
    throw r.error;
  }
  throw new InvalidCredentials();
}

/** The identity behind a session token, or null when Kratos says the session is not valid. */
export async function whoami(token: string): Promise<{ identityId: string; sessionId: string } | null> {
  const { frontend } = await kratos();
  const r = await attempt(() => frontend.toSession({ xSessionToken: token }));
  if (!r.ok) {
    if (r.status === 401 || r.status === 403) return null;
    throw r.error;
  }
  checkSession(r.data);
  if (!r.data.active || !r.data.identity) return null;
  return { identityId: r.data.identity.id, sessionId: r.data.id };
}

/** The admin identity (with metadata_admin, which whoami never returns), or null if not an admin. */
export async function getAdmin(identityId: string): Promise<Identity | null> {
  const { identity } = await kratos();
  const [r, schemas] = await Promise.all([attempt(() => identity.getIdentity({ id: identityId })), schemaIndex()]);
  if (!r.ok) {
    if (r.status === 404) return null;
    throw r.error;
  }
  const admin = toIdentity(r.data, schemas);
  return admin.is_admin && admin.state !== "inactive" ? admin : null;
}

/** Revokes a Kratos session token; an already unknown token is fine. */
export async function logout(token: string): Promise<void> {
  const { frontend } = await kratos();
  const r = await attempt(() => frontend.performNativeLogout({ performNativeLogoutBody: { session_token: token } }));
  if (!r.ok && r.status !== 403) throw r.error;
}

/**
 * Starts a social sign-in the way native apps do: a native login flow that hands back a session-token exchange code,
 * submitted with the oidc method. Kratos answers with the provider URL to send the browser to; after the round trip
 * Kratos redirects to `returnTo` with the second half of the code.
 */
export async function startOidcLogin(
  provider: string,
  returnTo: string,
): Promise<{ initCode: string; redirectTo: string }> {
  const { frontend } = await kratos();
  const flow = await call(() => frontend.createNativeLoginFlow({ returnSessionTokenExchangeCode: true, returnTo }));
  if (!flow.session_token_exchange_code) throw new ApiError("upstream_error", "Kratos did not start a social sign-in.");
  const r = await attempt(() =>
    frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "oidc", provider } }),
  );
  const body = (r.ok ? r.data : r.body) as { redirect_browser_to?: unknown } | undefined;
  if (typeof body?.redirect_browser_to !== "string") {
    if (!r.ok && r.status !== 422) throw r.error;
    throw new ApiError("invalid_request", `Kratos cannot sign in with "${provider}": is it configured in Kratos?`);
  }
  return { initCode: flow.session_token_exchange_code, redirectTo: body.redirect_browser_to };
}

/** Completes a social sign-in: both halves of the exchange code buy the session token; null when Kratos refuses. */
export async function exchangeOidcCode(
  initCode: string,
  returnToCode: string,
): Promise<{ token: string; identityId: string } | null> {
  const { frontend } = await kratos();
  const r = await attempt(() => frontend.exchangeSessionToken({ initCode, returnToCode }));
  if (!r.ok) {
    if (r.status && r.status < 500) return null;
    throw r.error;
  }
  const identityId = r.data.session?.identity?.id;
  return r.data.session_token && identityId ? { token: r.data.session_token, identityId } : null;
}
