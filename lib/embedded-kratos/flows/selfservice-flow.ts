import type { Context } from "hono";
import type { KratosDeps } from "../deps";
import { KratosError, badRequest, notFoundRow } from "../errors";
import { formatTime, isUuid, type JsonObject } from "../http";
import type { FlowKind, FlowType, SelfServiceFlowRecord } from "../store/selfservice-types";
import type { UiMessage } from "../store/types";

export interface NewFlowOptions {
  type: FlowType;
  requestUrl: string;
  returnTo?: string | null;
  state: string;
  active?: string | null;
  identityId?: string | null;
  csrfToken?: string;
  skipCsrf?: boolean;
  lifespanMs?: number;
  messages?: UiMessage[];
}

/** Creates and stores a flow; expired flows older than a day are pruned on the way. */
export function createFlow(deps: KratosDeps, kind: FlowKind, o: NewFlowOptions): SelfServiceFlowRecord {
  const now = deps.now();
  const at = formatTime(now);
  const flow: SelfServiceFlowRecord = {
    id: deps.newId(),
    kind,
    type: o.type,
    requestUrl: o.requestUrl,
    issuedAt: at,
    expiresAt: formatTime(new Date(now.getTime() + (o.lifespanMs ?? deps.config.selfService.flowLifespanMs))),
    returnTo: o.returnTo ?? null,
    active: o.active ?? null,
    state: o.state,
    csrfToken: o.csrfToken ?? "",
    identityId: o.identityId ?? null,
    values: {},
    messages: o.messages ?? [],
    nodeMessages: {},
    continueWith: null,
    skipCsrf: o.skipCsrf ?? false,
    attempts: 0,
    transientPayload: null,
    createdAt: at,
    updatedAt: at,
  };
  deps.store.selfService.pruneFlows(formatTime(new Date(now.getTime() - 86_400_000)));
  deps.store.selfService.saveFlow(flow);
  return flow;
}

export function saveFlow(deps: KratosDeps, flow: SelfServiceFlowRecord): SelfServiceFlowRecord {
  const next = { ...flow, updatedAt: formatTime(deps.now()) };
  deps.store.selfService.saveFlow(next);
  return next;
}

/** `request_url` as Kratos records it: the public URL of the init endpoint with its query. */
export function requestUrlOf(c: Context, deps: KratosDeps): string {
  const u = new URL(c.req.url);
  return `${deps.config.publicBaseUrl}${u.pathname}${u.search}`;
}

const expiredError = (kind: FlowKind) =>
  new KratosError(410, {
    id: "self_service_flow_expired",
    reason: `The ${kind} flow has expired. Call the ${kind} flow init API endpoint to initialize a new ${kind} flow.`,
    message: "self-service flow expired",
  });

/** GET …/flows?id=: 404 for unknown or malformed ids, 410 once expired. */
export function getFlowOrThrow(deps: KratosDeps, kind: FlowKind, id: string): SelfServiceFlowRecord {
  const flow = isUuid(id) ? deps.store.selfService.getFlow(id.toLowerCase(), kind) : undefined;
  if (!flow) throw notFoundRow();
  if (new Date(flow.expiresAt) <= deps.now()) throw expiredError(kind);
  return flow;
}

/** POST /self-service/<kind>?flow=: the flow must exist and still be valid. */
export function submittedFlowOrThrow(deps: KratosDeps, kind: FlowKind, id: string): SelfServiceFlowRecord {
  if (!isUuid(id)) throw badRequest("The flow query parameter is missing or malformed.");
  const flow = deps.store.selfService.getFlow(id.toLowerCase(), kind);
  if (!flow) throw notFoundRow();
  if (new Date(flow.expiresAt) <= deps.now()) {
    const agoMs = deps.now().getTime() - new Date(flow.expiresAt).getTime();
    throw new KratosError(
      410,
      {
        id: "self_service_flow_expired",
        reason: `The self-service flow expired ${(agoMs / 60_000).toFixed(2)} minutes ago, initialize a new one.`,
        message: "self-service flow expired",
      },
      { expired_at: flow.expiresAt, since: agoMs * 1_000_000 },
    );
  }
  return flow;
}

/** The envelope every self-service flow shares; `ui` comes from the flow's own node builder. */
export function encodeFlowBase(
  flow: SelfServiceFlowRecord,
  deps: KratosDeps,
  ui: { nodes: JsonObject[]; action?: string; method?: string },
): JsonObject {
  return {
    id: flow.id,
    type: flow.type,
    expires_at: flow.expiresAt,
    issued_at: flow.issuedAt,
    request_url: flow.requestUrl,
    ...(flow.returnTo !== null && { return_to: flow.returnTo }),
    ...(flow.active !== null && { active: flow.active }),
    ui: {
      action: ui.action ?? `${deps.config.publicBaseUrl}/self-service/${flow.kind}?flow=${flow.id}`,
      method: ui.method ?? "POST",
      nodes: ui.nodes,
      ...(flow.messages.length > 0 && { messages: flow.messages }),
    },
    state: flow.state,
    ...(flow.continueWith && { continue_with: flow.continueWith }),
    ...(flow.transientPayload && { transient_payload: flow.transientPayload }),
  };
}

/** A value at a dotted path of a JSON object ("traits.name.first"). */
export function valueAt(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const p of path.split(".")) {
    if (typeof cur !== "object" || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as JsonObject)[p];
  }
  return cur;
}
