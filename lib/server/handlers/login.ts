import "server-only";
import { randomInt } from "node:crypto";
import { env } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/errors";
import { json, type RouteContext } from "@/lib/server/http/route";
import * as k from "@/lib/server/kratos";
import { rememberAdmin } from "@/lib/server/services/admins";
import { recordAudit } from "@/lib/server/services/audit";
import { clear, consume, hit, loginLimits, throwIfThrottled } from "@/lib/server/services/throttle";
import { readSessionToken, sessionCookieFrom, sessionSetCookie } from "@/lib/session-cookie";
import type { LoginBody } from "@/lib/schemas/auth";

// GET and POST /api/auth/login
const BAD_LOGIN = "Invalid email or password.";

/** Each call stores a flow in Kratos: limited per client like sign-in attempts. */
export const startLogin = async (ctx: RouteContext) => {
  const { retryAfter } = await consume({ bucket: `loginflow:ip:${ctx.ip}`, max: 30, windowMs: 60_000 });
  if (retryAfter !== null)
    throw new ApiError("rate_limited", "Too many sign-in attempts. Wait a minute and try again.", {
      headers: { "Retry-After": String(retryAfter) },
    });
  const flow = await k.createLoginFlow();
  return json({ flow_id: flow.id, expires_at: flow.expires_at });
};

/**
 * Email + password through a Kratos API flow. Wrong password, unknown email, disabled and non-admin
 * accounts all get the same 401; failures count towards per-identifier and per-client limits.
 */
export const login = async (ctx: RouteContext<undefined, undefined, LoginBody>) => {
  const started = Date.now();
  const identifier = ctx.body.identifier.normalize("NFKC").trim().toLowerCase();
  const limits = loginLimits(identifier, ctx.ip);
  await throwIfThrottled(limits, "Too many sign-in attempts. Wait a few minutes and try again.");
  const fail = async (reason: string) => {
    await hit(limits);
    // Every failure takes the same time, whatever Kratos spent on it (random delay, hash, or nothing); the
    // jitter hides the few milliseconds by which the paths still differ.
    const floor = env().TRUSS_LOGIN_FAILURE_MIN_MS;
    const wait = floor > 0 ? started + floor + randomInt(100) - Date.now() : 0;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await recordAudit({
      actor: { type: "anonymous", id: null, label: identifier },
      ip: ctx.ip,
      action: "admin.login",
      target: null,
      outcome: "failure",
      details: { reason },
    });
    return new ApiError("unauthorized", BAD_LOGIN);
  };
  let session: Awaited<ReturnType<typeof k.submitLogin>>;
  try {
    session = await k.submitLogin(identifier, ctx.body.password, ctx.body.flow, {
      ip: ctx.ip,
      userAgent: ctx.req.headers.get("user-agent"),
    });
  } catch (err) {
    if (err instanceof k.InvalidCredentials) throw await fail("invalid_credentials");
    throw err;
  }
  const admin = await k.getAdmin(session.identityId);
  if (!admin) {
    await k.logout(session.token);
    throw await fail("not_admin");
  }
  await clear(limits.map((l) => l.bucket));
  // The cookie this login replaces must not leave its Kratos session alive behind it.
  const replaced = await readSessionToken(sessionCookieFrom(ctx.req.cookies));
  if (replaced && replaced !== session.token) await k.logout(replaced).catch(() => undefined);
  await rememberAdmin(admin.id);
  await recordAudit({
    actor: { type: "admin", id: admin.id, label: admin.email },
    ip: ctx.ip,
    action: "admin.login",
    target: admin.id,
    outcome: "success",
  });
  const now = Date.now();
  const cookie = await sessionSetCookie({ v: 1, kt: session.token, iid: admin.id, aat: now, lsa: now }, ctx.req);
  return json(admin, { headers: { "Set-Cookie": cookie } });
};
