import type { KratosDeps } from "../deps";
import { maskCsrfToken } from "../browser/csrf";
import { queueEmail } from "../courier/courier";
import { verificationCodeValid } from "../courier/templates";
import { hashToken, newRecoveryCode } from "../crypto/tokens";
import { notifyWebHook } from "../hooks/web-hook";
import { formatTime, type JsonObject } from "../http";
import { normalizeIdentifier } from "../schema/registry";
import type { SelfServiceFlowRecord } from "../store/selfservice-types";
import type { IdentityRecord } from "../store/types";
import { flowMessages, labels } from "./flow-messages";
import { createFlow, encodeFlowBase, saveFlow } from "./selfservice-flow";
import { inputNode } from "./ui-nodes";

function verificationNodes(
  flow: SelfServiceFlowRecord,
  deps: KratosDeps,
): { nodes: JsonObject[]; action?: string; method?: string } {
  const csrf = inputNode("default", {
    name: "csrf_token",
    type: "hidden",
    value: flow.type === "browser" && flow.csrfToken ? maskCsrfToken(flow.csrfToken) : "",
    required: true,
  });
  if (flow.state === "passed_challenge") {
    const href = flow.returnTo ?? deps.config.selfService.defaultReturnUrl;
    const cont = labels.continue();
    const link = {
      type: "a",
      group: "code",
      attributes: { href, title: cont, id: "continue", node_type: "a" },
      messages: [],
      meta: { label: cont },
    };
    return { nodes: [csrf, link], action: href, method: "GET" };
  }
  const email = typeof flow.values.email === "string" ? flow.values.email : "";
  const browserCsrf = flow.type === "browser" ? [csrf] : [];
  if (flow.state === "sent_email") {
    return {
      nodes: [
        ...browserCsrf,
        inputNode("code", { name: "method", type: "hidden", value: "code" }),
        inputNode(
          "code",
          { name: "code", type: "text", required: true },
          labels.verificationCode(),
          flow.nodeMessages.code ?? [],
        ),
        inputNode("code", { name: "method", type: "submit", value: "code" }, labels.continue()),
        inputNode("code", { name: "email", type: "submit", value: email }, labels.resendCode()),
      ],
    };
  }
  return {
    nodes: [
      ...browserCsrf,
      inputNode(
        "code",
        { name: "email", type: "email", required: true },
        labels.email(),
        flow.nodeMessages.email ?? [],
      ),
      inputNode("code", { name: "method", type: "submit", value: "code" }, labels.continue()),
    ],
  };
}

export const encodeVerificationFlow = (flow: SelfServiceFlowRecord, deps: KratosDeps): JsonObject =>
  encodeFlowBase(flow, deps, verificationNodes(flow, deps));

/** Queues a verification code for `address` if an identity has it as a verifiable address. */
export function sendVerificationCode(
  deps: KratosDeps,
  flow: SelfServiceFlowRecord,
  address: string,
  identity?: IdentityRecord,
): void {
  const value = normalizeIdentifier(address);
  const owner = identity ?? deps.store.identities.findByAddress("verifiable", value);
  if (!owner) return;
  const ss = deps.config.selfService;
  const now = deps.now();
  const code = newRecoveryCode();
  deps.store.selfService.insertVerificationCode({
    id: deps.newId(),
    identityId: owner.id,
    address: value,
    codeHash: hashToken(code),
    flowId: flow.id,
    expiresAt: formatTime(new Date(now.getTime() + ss.codeLifespanMs)),
    createdAt: formatTime(now),
  });
  const url = `${deps.config.publicBaseUrl}/self-service/verification?code=${code}&flow=${flow.id}`;
  queueEmail(deps, address, verificationCodeValid(code, url, ss.codeLifespanMs));
  const rec = structuredClone(owner);
  const a = rec.verifiableAddresses.find((x) => x.value === value);
  if (a && !a.verified && a.status !== "sent") {
    a.status = "sent";
    deps.store.identities.update(rec);
  }
}

export function requestVerification(
  deps: KratosDeps,
  flow: SelfServiceFlowRecord,
  email: string,
): SelfServiceFlowRecord {
  sendVerificationCode(deps, flow, email);
  return saveFlow(deps, {
    ...flow,
    state: "sent_email",
    values: { email },
    nodeMessages: {},
    messages: [flowMessages.verificationCodeSent()],
  });
}

/** Redeems a code once: the address becomes verified (status completed, verified_at now). */
export function redeemVerificationCode(
  deps: KratosDeps,
  flow: SelfServiceFlowRecord,
  code: string,
): SelfServiceFlowRecord {
  const at = formatTime(deps.now());
  const used = deps.store.selfService.useVerificationCode(flow.id, hashToken(code), at);
  const identity = used ? deps.store.identities.get(used.identityId) : undefined;
  if (!used || !identity) {
    return saveFlow(deps, {
      ...flow,
      attempts: flow.attempts + 1,
      messages: [flowMessages.verificationCodeInvalid()],
      transientPayload: flow.transientPayload ?? {},
    });
  }
  const rec = structuredClone(identity);
  for (const a of rec.verifiableAddresses) {
    if (a.value === used.address) Object.assign(a, { verified: true, status: "completed", verifiedAt: at });
  }
  deps.store.identities.update(rec);
  notifyWebHook(deps, "verification", identity.id, flow.id);
  return saveFlow(deps, {
    ...flow,
    state: "passed_challenge",
    identityId: identity.id,
    messages: [flowMessages.verificationSuccess()],
    nodeMessages: {},
    transientPayload: null,
  });
}

/**
 * hook.Verifier: after registration every unverified address, after settings every address still
 * "pending", gets its own verification flow with a code sent right away.
 */
export function startVerificationAfterRegistration(
  deps: KratosDeps,
  identity: IdentityRecord,
  type: "api" | "browser",
  requestUrl: string,
  after: "registration" | "settings" = "registration",
): void {
  if (!deps.config.selfService.verificationEnabled) return;
  for (const a of identity.verifiableAddresses) {
    if (after === "registration" ? a.verified : a.status !== "pending") continue;
    const flow = createFlow(deps, "verification", { type, requestUrl, state: "sent_email", active: "code" });
    sendVerificationCode(
      deps,
      { ...flow, values: { email: a.value } },
      a.value,
      deps.store.identities.get(identity.id),
    );
    saveFlow(deps, { ...flow, values: { email: a.value } });
  }
}
