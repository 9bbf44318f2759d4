import "server-only";
import { ApiError } from "@/lib/server/http/errors";
import { json, type RouteContext } from "@/lib/server/http/route";
import * as k from "@/lib/server/kratos";
import { recordAudit } from "@/lib/server/services/audit";
import { hit, loginLimits, throwIfThrottled } from "@/lib/server/services/throttle";
import { sessionSetCookie } from "@/lib/session-cookie";
import type { ReauthBody } from "@/lib/schemas/auth";

// POST /api/auth/reauth
/**
 * Re-authentication for sensitive actions: a fresh password sign-in through Kratos for the same identity. The new
 * Kratos session replaces the cookie's (the old one is revoked) and the cookie's authenticated-at is now.
 */
export const reauthenticate = async (ctx: RouteContext<undefined, undefined, ReauthBody>) => {
  const payload = ctx.admin?.payload;
  // The admin's sign-in identifier (an email, a username or a phone, whatever the schema uses).
  const email = ctx.admin?.admin?.identifiers[0]?.value ?? ctx.admin?.admin?.email;
  if (!payload || !email)
    throw new ApiError("invalid_request", "Authentication is disabled: there is nothing to confirm.");
  const limits = loginLimits(email.toLowerCase(), ctx.ip);
  await throwIfThrottled(limits, "Too many attempts. Wait a few minutes and try again.");
  let session: Awaited<ReturnType<typeof k.submitLogin>> | null = null;
  try {
    session = await k.submitLogin(email, ctx.body.password, undefined, {
      ip: ctx.ip,
      userAgent: ctx.req.headers.get("user-agent"),
    });
  } catch (err) {
    if (!(err instanceof k.InvalidCredentials)) throw err;
  }
  if (!session || session.identityId !== payload.iid) {
    if (session) await k.logout(session.token);
    await hit(limits);
    await recordAudit({
      actor: ctx.actor,
      ip: ctx.ip,
      action: "admin.reauth",
      target: payload.iid,
      outcome: "failure",
    });
    throw new ApiError("unauthorized", "That password is not right.");
  }
  await k.logout(payload.kt).catch(() => undefined);
  await recordAudit({ actor: ctx.actor, ip: ctx.ip, action: "admin.reauth", target: payload.iid, outcome: "success" });
  const now = Date.now();
  const cookie = await sessionSetCookie({ ...payload, kt: session.token, aat: now, lsa: now }, ctx.req);
  return json({ reauthenticated_at: new Date(now).toISOString() }, { headers: { "Set-Cookie": cookie } });
};
