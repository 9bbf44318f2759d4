import type { Context, Hono } from "hono";
import type { KratosDeps } from "../deps";
import { hashToken, newRecoveryCode, randomAlphaNum } from "../crypto/tokens";
import { KratosError, badRequest } from "../errors";
import { uiUrl } from "../browser/respond";
import { createFlow } from "../flows/selfservice-flow";
import { assertKnownKeys, expectType, formatTime, isUuid, parseDuration, readJson, type JsonObject } from "../http";

const DEFAULT_LIFESPAN_MS = 3_600_000;

async function readRecoveryBody(c: Context, keys: string[]) {
  const body = await readJson(c);
  expectType(body, "object", "body");
  const b = body as JsonObject;
  assertKnownKeys(b, keys);
  const identityId = typeof b.identity_id === "string" ? b.identity_id : "";
  let lifespan = DEFAULT_LIFESPAN_MS;
  if (b.expires_in !== undefined && b.expires_in !== "") {
    const parsed = typeof b.expires_in === "string" ? parseDuration(b.expires_in) : undefined;
    if (parsed === undefined || parsed <= 0) {
      throw badRequest(
        `Unable to parse "expires_in" whose format should match "[0-9]+(ns|us|ms|s|m|h)" but did not: ${typeof b.expires_in === "string" ? b.expires_in : JSON.stringify(b.expires_in)}`,
      );
    }
    lifespan = parsed;
  }
  const flowType = b.flow_type === "api" ? "api" : "browser";
  return { identityId, lifespan, flowType } as const;
}

/**
 * Admin recovery: codes and links, each with its recovery flow (redeemed through the public
 * recovery endpoints). Only hashes of codes/tokens are stored. No e-mail is sent, as in Kratos:
 * the admin hands the link or code to the user.
 */
export function registerRecoveryRoutes(app: Hono, deps: KratosDeps): void {
  const store = deps.store;
  const recoveryUrl = (flowId: string) => `${deps.config.publicBaseUrl}/self-service/recovery?flow=${flowId}`;
  /** Admin flows skip the CSRF check (Kratos's DangerousSkipCSRFCheck) and live as long as their code. */
  const adminFlow = (type: "api" | "browser", active: "code" | "link", lifespan: number, path: string) =>
    createFlow(deps, "recovery", {
      type,
      requestUrl: `${deps.config.adminBaseUrl}${path}`,
      state: "sent_email",
      active,
      skipCsrf: true,
      lifespanMs: lifespan,
    });

  app.post("/admin/recovery/code", async (c) => {
    const { identityId, lifespan, flowType } = await readRecoveryBody(c, ["identity_id", "expires_in", "flow_type"]);
    const identity = isUuid(identityId) ? store.identities.get(identityId.toLowerCase()) : undefined;
    if (!identity)
      throw new KratosError(404, { reason: "could not find identity", message: "Unable to locate the resource" });
    const now = deps.now();
    const code = newRecoveryCode();
    const flow = adminFlow(flowType, "code", lifespan, "/admin/recovery/code");
    const flowId = flow.id;
    const expiresAt = flow.expiresAt;
    store.flows.insertRecoveryToken({
      id: deps.newId(),
      identityId: identity.id,
      kind: "code",
      tokenHash: hashToken(code),
      flowId,
      expiresAt,
      createdAt: formatTime(now),
    });
    // Kratos links the code to selfservice.flows.recovery.ui_url (default: Ory's fallback page).
    return c.json({ recovery_link: uiUrl(deps, "recovery", flowId), recovery_code: code, expires_at: expiresAt }, 201);
  });

  // Real Kratos disables the `link` method by default (404 "This endpoint was disabled ...");
  // the embedded server enables it because the dashboard offers both.
  app.post("/admin/recovery/link", async (c) => {
    const { identityId, lifespan } = await readRecoveryBody(c, ["identity_id", "expires_in"]);
    const identity = isUuid(identityId) ? store.identities.get(identityId.toLowerCase()) : undefined;
    if (!identity) throw badRequest("The requested identity id does not exist.");
    const now = deps.now();
    const token = randomAlphaNum(32);
    const flow = adminFlow("browser", "link", lifespan, "/admin/recovery/link");
    const flowId = flow.id;
    const expiresAt = flow.expiresAt;
    store.flows.insertRecoveryToken({
      id: deps.newId(),
      identityId: identity.id,
      kind: "link",
      tokenHash: hashToken(token),
      flowId,
      expiresAt,
      createdAt: formatTime(now),
    });
    const returnTo = c.req.query("return_to");
    const extra = returnTo ? `&return_to=${encodeURIComponent(returnTo)}` : "";
    return c.json({ recovery_link: `${recoveryUrl(flowId)}&token=${token}${extra}`, expires_at: expiresAt });
  });
}
