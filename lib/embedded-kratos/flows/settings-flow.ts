import type { KratosDeps } from "../deps";
import { maskCsrfToken } from "../browser/csrf";
import { encodeIdentity } from "../encode/identity";
import { KratosError } from "../errors";
import type { JsonObject } from "../http";
import type { FlowType, SelfServiceFlowRecord } from "../store/selfservice-types";
import type { IdentityRecord, SessionRecord, UiMessage } from "../store/types";
import { labels } from "./flow-messages";
import { createFlow, encodeFlowBase } from "./selfservice-flow";
import { traitNodes } from "./trait-nodes";
import { inputNode } from "./ui-nodes";

/** session.ErrNoActiveSessionFound as the self-service endpoints write it. */
export const sessionInactive = (reason = "No active session was found in this request.") =>
  new KratosError(401, {
    id: "session_inactive",
    reason,
    message: "request does not have a valid authentication session",
  });

/** What the settings endpoints answer without a session. */
export const settingsNeedSession = () =>
  sessionInactive("This endpoint can only be accessed with a valid session. Please log in and try again.");

export const identityMismatch = () =>
  new KratosError(403, {
    id: "security_identity_mismatch",
    reason:
      "The request was initiated by someone else and has been blocked for security reasons. Please go back and try again.",
    message: "the requested action was forbidden",
  });

export interface NewSettingsFlow {
  type: FlowType;
  requestUrl: string;
  returnTo?: string | null;
  csrfToken?: string;
  messages?: UiMessage[];
}

export function createSettingsFlow(
  deps: KratosDeps,
  identity: IdentityRecord,
  o: NewSettingsFlow,
): SelfServiceFlowRecord {
  return createFlow(deps, "settings", {
    type: o.type,
    requestUrl: o.requestUrl,
    returnTo: o.returnTo,
    state: "show_form",
    identityId: identity.id,
    csrfToken: o.csrfToken,
    messages: o.messages,
  });
}

/** The oidc strategy's "Link <provider>" buttons for providers this identity has not linked, by id. */
function linkNodes(deps: KratosDeps, identity: IdentityRecord): JsonObject[] {
  const linked = new Set(
    identity.credentials.find((c) => c.type === "oidc")?.identifiers.map((i) => i.split(":")[0]) ?? [],
  );
  return [...deps.config.oidcProviders]
    .filter((p) => !linked.has(p.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) =>
      inputNode(
        "oidc",
        { name: "link", type: "submit", value: p.id },
        { id: 1050002, text: `Link ${p.label ?? p.id}`, type: "info", context: { provider: p.label ?? p.id } },
      ),
    );
}

/** profile (traits) then password nodes, as the two settings strategies populate them. */
function settingsNodes(flow: SelfServiceFlowRecord, identity: IdentityRecord, deps: KratosDeps): JsonObject[] {
  const typed = flow.values.traits;
  return [
    inputNode("default", {
      name: "csrf_token",
      type: "hidden",
      value: flow.type === "browser" && flow.csrfToken ? maskCsrfToken(flow.csrfToken) : "",
      required: true,
    }),
    ...traitNodes(deps.config.schemas, identity.schemaId, {
      group: "profile",
      traits: typed ?? identity.traits,
      nodeMessages: flow.nodeMessages,
    }),
    inputNode("profile", { name: "method", type: "submit", value: "profile" }, labels.save()),
    inputNode(
      "password",
      { name: "password", type: "password", required: true, autocomplete: "new-password" },
      labels.password(),
      flow.nodeMessages.password ?? [],
    ),
    inputNode("password", { name: "method", type: "submit", value: "password" }, labels.save()),
    ...linkNodes(deps, identity),
  ];
}

/** SettingsFlow JSON: the shared envelope plus the identity being edited (public encoding). */
export function encodeSettingsFlow(flow: SelfServiceFlowRecord, deps: KratosDeps): JsonObject {
  const identity = flow.identityId ? deps.store.identities.get(flow.identityId) : undefined;
  if (!identity) throw new KratosError(404, { message: "Unable to locate the resource" });
  return {
    ...encodeFlowBase(flow, deps, { nodes: settingsNodes(flow, identity, deps) }),
    identity: encodeIdentity(identity, { publicBaseUrl: deps.config.publicBaseUrl, admin: false, credentials: false }),
  };
}

/** privileged_session_max_age: password and identifier changes need a recent sign-in. */
export function isPrivileged(deps: KratosDeps, session: SessionRecord): boolean {
  return (
    new Date(session.authenticatedAt).getTime() + deps.config.selfService.privilegedSessionMaxAgeMs >
    deps.now().getTime()
  );
}

/** settings.NewFlowNeedsReAuth with the browser redirect to a refresh login that returns here. */
export function needsReauth(deps: KratosDeps, requestPathAndQuery: string): KratosError {
  const returnTo = `${deps.config.publicBaseUrl}${requestPathAndQuery}`;
  const q = new URLSearchParams({ refresh: "true", return_to: returnTo });
  q.sort();
  const redirect = `${deps.config.publicBaseUrl}/self-service/login/browser?${q.toString()}`;
  return new KratosError(
    403,
    {
      id: "session_refresh_required",
      reason: "The login session is too old and thus not allowed to update these fields. Please re-authenticate.",
      message: "The requested action was forbidden",
    },
    { redirect_browser_to: redirect },
  );
}
