import type { KratosDeps } from "../deps";
import { formatTime, type JsonObject } from "../http";
import type { LoginFlowRecord, UiMessage } from "../store/types";
import { loginNodes } from "./ui-nodes";

export interface NewLoginFlowOptions {
  refresh: boolean;
  requestedAal: string;
  requestUrl: string;
  returnTo: string | null;
  messages?: UiMessage[];
}

/** Creates and persists a fresh API login flow. */
export function createLoginFlow(deps: KratosDeps, o: NewLoginFlowOptions): LoginFlowRecord {
  const now = deps.now();
  const issued = formatTime(now);
  const flow: LoginFlowRecord = {
    id: deps.newId(),
    requestUrl: o.requestUrl,
    issuedAt: issued,
    expiresAt: formatTime(new Date(now.getTime() + deps.config.loginFlowLifespanMs)),
    refresh: o.refresh,
    requestedAal: o.requestedAal,
    returnTo: o.returnTo,
    active: null,
    identifierValue: "",
    messages: o.messages ?? [],
    identifierMessages: [],
    passwordMessages: [],
    createdAt: issued,
    updatedAt: issued,
  };
  // Expired flows older than a day are useless even for 410 answers; prune as we go.
  deps.store.flows.pruneLoginFlows(formatTime(new Date(now.getTime() - 86_400_000)));
  deps.store.flows.saveLoginFlow(flow);
  return flow;
}

/** LoginFlow JSON with Kratos's key-presence rules (kratos-api.md §2). */
export function encodeLoginFlow(flow: LoginFlowRecord, deps: KratosDeps): JsonObject {
  const cfg = deps.config;
  return {
    id: flow.id,
    organization_id: null,
    type: "api",
    expires_at: flow.expiresAt,
    issued_at: flow.issuedAt,
    request_url: flow.requestUrl,
    ...(flow.returnTo !== null && { return_to: flow.returnTo }),
    ...(flow.active !== null && { active: flow.active }),
    ui: {
      action: `${cfg.publicBaseUrl}/self-service/login?flow=${flow.id}`,
      method: "POST",
      nodes: loginNodes({
        identifierLabel: cfg.schemas.identifierLabel(cfg.defaultSchemaId),
        identifierValue: flow.identifierValue,
        identifierMessages: flow.identifierMessages,
        passwordMessages: flow.passwordMessages,
        oidcProviders: cfg.oidcProviders,
      }),
      ...(flow.messages.length > 0 && { messages: flow.messages }),
    },
    created_at: flow.createdAt,
    updated_at: flow.updatedAt,
    refresh: flow.refresh,
    requested_aal: flow.requestedAal,
    state: "choose_method",
  };
}
