import type { Context } from "hono";
import type { KratosDeps } from "../deps";
import { regenerateCsrfCookie } from "../browser/csrf";
import { uiUrl } from "../browser/respond";
import { setSessionCookie } from "../browser/session-cookie";
import { notifyWebHook } from "../hooks/web-hook";
import type { JsonObject } from "../http";
import { issueSession } from "../sessions/issue";
import type { SelfServiceFlowRecord } from "../store/selfservice-types";
import type { IdentityRecord } from "../store/types";
import { flowMessages } from "./flow-messages";
import { markAddressVerified } from "./recovery-flow";
import { saveFlow } from "./selfservice-flow";
import { createSettingsFlow } from "./settings-flow";

export interface Recovered {
  flow: SelfServiceFlowRecord;
  settingsFlowId: string;
  settingsUrl: string;
  /** continue_with of this response only: the session token is never stored with the flow. */
  continueWith: JsonObject[];
}

/**
 * recoveryIssueSession: a fresh (privileged) session for the recovered identity, then a settings
 * flow carrying "you recovered your account" so the user can set a new password. Browser flows get
 * the session cookie; API flows get the token in continue_with (use_continue_with_transitions).
 */
export function issueRecoverySession(
  c: Context,
  deps: KratosDeps,
  flow: SelfServiceFlowRecord,
  identity: IdentityRecord,
  method: "code_recovery" | "link_recovery",
): Recovered {
  if (!flow.skipCsrf && typeof flow.values.email === "string")
    markAddressVerified(deps, identity.id, flow.values.email);
  const { token, session } = issueSession(deps, identity, c, method);
  let csrfToken: string | undefined;
  if (flow.type === "browser") {
    setSessionCookie(c, token, session.expiresAt, deps.now());
    csrfToken = regenerateCsrfCookie(c, deps);
  }
  const now = deps.now();
  const settings = createSettingsFlow(deps, identity, {
    type: flow.type,
    requestUrl: `${deps.config.publicBaseUrl}/self-service/recovery?flow=${flow.id}`,
    returnTo: flow.returnTo,
    csrfToken,
    messages: [
      flowMessages.recoverySuccessful(new Date(now.getTime() + deps.config.selfService.privilegedSessionMaxAgeMs), now),
    ],
  });
  const settingsUrl = uiUrl(deps, "settings", settings.id);
  const showSettings = { action: "show_settings_ui", flow: { id: settings.id, url: settingsUrl } };
  const continueWith: JsonObject[] = [
    ...(flow.type === "api" ? [{ action: "set_ory_session_token", ory_session_token: token }] : []),
    showSettings,
  ];
  const next = saveFlow(deps, {
    ...flow,
    state: "passed_challenge",
    identityId: identity.id,
    messages: [],
    nodeMessages: {},
    continueWith: [showSettings],
    transientPayload: flow.transientPayload ?? {},
  });
  notifyWebHook(deps, "recovery", identity.id, flow.id, session);
  return { flow: next, settingsFlowId: settings.id, settingsUrl, continueWith };
}
