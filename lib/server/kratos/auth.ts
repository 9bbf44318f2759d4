import "server-only";
import { kratos } from "@/lib/server/kratos/client";
import { call, kratosBody, kratosStatus, toApiError } from "@/lib/server/kratos/errors";
import { isAdminIdentity, toIdentity } from "@/lib/server/kratos/mappers";
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

/**
 * Submits email + password to an API flow, with fresh headers only (never the browser's Origin/Cookie,
 * which Kratos rejects on API flows). An expired flow is replaced once by the one Kratos hands back.
 */
export async function submitLogin(
  email: string,
  password: string,
  flowId?: string,
): Promise<{ token: string; identityId: string; expiresAt: string | null }> {
  const { frontend } = await kratos();
  let flow = flowId ?? (await createLoginFlow()).id;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const { data } = await frontend.updateLoginFlow({
        flow,
        updateLoginFlowBody: { method: "password", identifier: email, password },
      });
      if (!data.session_token || !data.session.identity) throw new InvalidCredentials();
      return { token: data.session_token, identityId: data.session.identity.id, expiresAt: data.session.expires_at ?? null };
    } catch (err) {
      if (err instanceof InvalidCredentials) throw err;
      const status = kratosStatus(err);
      const body = kratosBody(err) as { use_flow_id?: unknown } | undefined;
      if (status === 410 && typeof body?.use_flow_id === "string" && attempt === 0) {
        flow = body.use_flow_id;
        continue;
      }
      if (status === 404 && flowId && attempt === 0) {
        flow = (await createLoginFlow()).id; // unknown/stale flow id from the browser: start afresh
        continue;
      }
      // 400 (bad credentials), 401 (disabled identity, v26): the same answer as a wrong password.
      if (status === 400 || status === 401 || status === 403) throw new InvalidCredentials();
      throw toApiError(err);
    }
  }
  throw new InvalidCredentials();
}

/** The identity behind a session token, or null when Kratos says the session is not valid. */
export async function whoami(token: string): Promise<{ identityId: string; sessionId: string } | null> {
  const { frontend } = await kratos();
  try {
    const { data } = await frontend.toSession({ xSessionToken: token });
    if (!data.active || !data.identity) return null;
    return { identityId: data.identity.id, sessionId: data.id };
  } catch (err) {
    const status = kratosStatus(err);
    if (status === 401 || status === 403) return null;
    throw toApiError(err);
  }
}

/** The admin identity (with metadata_admin, which whoami never returns), or null if not an admin. */
export async function getAdmin(identityId: string): Promise<Identity | null> {
  const { identity } = await kratos();
  try {
    const { data } = await identity.getIdentity({ id: identityId });
    return isAdminIdentity(data) && data.state !== "inactive" ? toIdentity(data) : null;
  } catch (err) {
    if (kratosStatus(err) === 404) return null;
    throw toApiError(err);
  }
}

/** Revokes a Kratos session token; an already unknown token is fine. */
export async function logout(token: string): Promise<void> {
  const { frontend } = await kratos();
  try {
    await frontend.performNativeLogout({ performNativeLogoutBody: { session_token: token } });
  } catch (err) {
    if (kratosStatus(err) !== 403) throw toApiError(err);
  }
}

