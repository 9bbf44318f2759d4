import type { KratosDeps } from "../deps";
import { maskCsrfToken } from "../browser/csrf";
import { hashToken, newRecoveryCode, randomAlphaNum } from "../crypto/tokens";
import { queueEmail } from "../courier/courier";
import { recoveryCodeValid, recoveryValid } from "../courier/templates";
import { formatTime, type JsonObject } from "../http";
import { normalizeIdentifier } from "../schema/registry";
import type { SelfServiceFlowRecord } from "../store/selfservice-types";
import { flowMessages, labels } from "./flow-messages";
import { encodeFlowBase, saveFlow } from "./selfservice-flow";
import { inputNode } from "./ui-nodes";

const csrfNode = (flow: SelfServiceFlowRecord) =>
  inputNode("default", {
    name: "csrf_token",
    type: "hidden",
    value: flow.type === "browser" && flow.csrfToken ? maskCsrfToken(flow.csrfToken) : "",
    required: true,
  });

/** Recovery nodes per state and method, as the code and link strategies populate them. */
function recoveryNodes(flow: SelfServiceFlowRecord): JsonObject[] {
  const method = flow.active ?? "code";
  const email = typeof flow.values.email === "string" ? flow.values.email : "";
  const admin = flow.skipCsrf;
  if (flow.state === "choose_method") {
    return [
      csrfNode(flow),
      inputNode(
        method,
        { name: "email", type: "email", required: true },
        labels.email(),
        flow.nodeMessages.email ?? [],
      ),
      inputNode(
        method,
        { name: "method", type: "submit", value: method },
        method === "code" ? labels.continue() : labels.submit(),
      ),
    ];
  }
  if (method === "link") {
    return [
      csrfNode(flow),
      inputNode("link", { name: "email", type: "email", required: true }, labels.email()),
      inputNode("link", { name: "method", type: "submit", value: "link" }, labels.submit()),
    ];
  }
  const code = inputNode(
    "code",
    { name: "code", type: "text", required: true, pattern: "[0-9]+", maxlength: 6 },
    labels.recoveryCode(),
    flow.nodeMessages.code ?? [],
  );
  const submit = inputNode("code", { name: "method", type: "submit", value: "code" }, labels.continue());
  if (admin) return [code, submit];
  return [
    csrfNode(flow),
    code,
    inputNode("code", { name: "method", type: "hidden", value: "code" }),
    submit,
    inputNode("code", { name: "email", type: "submit", value: email }, labels.resendCode()),
  ];
}

export const encodeRecoveryFlow = (flow: SelfServiceFlowRecord, deps: KratosDeps): JsonObject =>
  encodeFlowBase(flow, deps, { nodes: recoveryNodes(flow) });

/**
 * Sends a recovery code (or link) to `email` when it is a recovery address; for unknown addresses
 * nothing is sent (notify_unknown_recipients is off), and the answer is the same either way.
 */
export function sendRecovery(deps: KratosDeps, flow: SelfServiceFlowRecord, email: string): SelfServiceFlowRecord {
  const ss = deps.config.selfService;
  const now = deps.now();
  const identity = deps.store.identities.findByAddress("recovery", normalizeIdentifier(email));
  if (identity) {
    const expiresAt = formatTime(new Date(now.getTime() + ss.codeLifespanMs));
    const base = { id: deps.newId(), identityId: identity.id, flowId: flow.id, expiresAt, createdAt: formatTime(now) };
    if (flow.active === "link") {
      const token = randomAlphaNum(32);
      deps.store.flows.insertRecoveryToken({ ...base, kind: "link", tokenHash: hashToken(token) });
      const url = `${deps.config.publicBaseUrl}/self-service/recovery?flow=${flow.id}&token=${token}`;
      queueEmail(deps, email, recoveryValid(url, ss.codeLifespanMs));
    } else {
      const code = newRecoveryCode();
      deps.store.flows.insertRecoveryToken({ ...base, kind: "code", tokenHash: hashToken(code) });
      queueEmail(deps, email, recoveryCodeValid(code, ss.codeLifespanMs));
    }
  }
  return saveFlow(deps, {
    ...flow,
    state: "sent_email",
    values: { email },
    nodeMessages: {},
    messages: [flow.active === "link" ? flowMessages.recoveryLinkSent() : flowMessages.recoveryCodeSent()],
    transientPayload: flow.transientPayload ?? {},
  });
}

/** Marks the recovery address's matching verifiable address verified (self-service codes prove ownership). */
export function markAddressVerified(deps: KratosDeps, identityId: string, address: string): void {
  const identity = deps.store.identities.get(identityId);
  if (!identity) return;
  const at = formatTime(deps.now());
  const rec = structuredClone(identity);
  let changed = false;
  for (const a of rec.verifiableAddresses) {
    if (a.value === normalizeIdentifier(address) && !a.verified) {
      Object.assign(a, { verified: true, status: "completed", verifiedAt: at });
      changed = true;
    }
  }
  if (changed) deps.store.identities.update(rec);
}
