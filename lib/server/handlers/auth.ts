import "server-only";
import { randomInt } from "node:crypto";
import { anyAdminExists, consumeSetupToken, rememberAdmin } from "@/lib/server/admins";
import { recordAudit } from "@/lib/server/audit";
import { env } from "@/lib/server/env";
import { ApiError } from "@/lib/server/errors";
import * as k from "@/lib/server/kratos";
import { json, type RouteContext } from "@/lib/server/route";
import { clear, consume, hit, loginLimits, throwIfThrottled } from "@/lib/server/throttle";
import { clearedSessionSetCookie, readSession, readSessionToken, sessionCookieFrom, sessionSetCookie } from "@/lib/session-cookie";
import type { LoginBody, ReauthBody, SetupBody } from "@/lib/schemas/auth";

const BAD_LOGIN = "Invalid email or password.";

/** Each call stores a flow in Kratos: limited per client like sign-in attempts. */
export const startLogin = async (ctx: RouteContext) => {
  const { retryAfter } = await consume({ bucket: `loginflow:ip:${ctx.ip}`, max: 30, windowMs: 60_000 });
  if (retryAfter !== null)
    throw new ApiError("rate_limited", "Too many sign-in attempts. Wait a minute and try again.", { headers: { "Retry-After": String(retryAfter) } });
  const flow = await k.createLoginFlow();
  return json({ flow_id: flow.id, expires_at: flow.expires_at });
};

/**
 * Email + password through a Kratos API flow. Wrong password, unknown email, disabled and non-admin
 * accounts all get the same 401; failures count towards per-identifier and per-client limits.
 */
export const login = async (ctx: RouteContext<undefined, undefined, LoginBody>) => {
  const started = Date.now();
  const identifier = ctx.body.email.normalize("NFKC").trim().toLowerCase();
  const limits = loginLimits(identifier, ctx.ip);
  await throwIfThrottled(limits, "Too many sign-in attempts. Wait a few minutes and try again.");
  const fail = async (reason: string) => {
    await hit(limits);
    // Every failure takes the same time, whatever Kratos spent on it (random delay, hash, or nothing); the
    // jitter hides the few milliseconds by which the paths still differ.
    const floor = env().TRUSS_LOGIN_FAILURE_MIN_MS;
    const wait = floor > 0 ? started + floor + randomInt(100) - Date.now() : 0;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await recordAudit({ actor: { type: "anonymous", id: null, label: identifier }, ip: ctx.ip, action: "admin.login", target: null, outcome: "failure", details: { reason } });
    return new ApiError("unauthorized", BAD_LOGIN);
  };
  let session: Awaited<ReturnType<typeof k.submitLogin>>;
  try {
    session = await k.submitLogin(identifier, ctx.body.password, ctx.body.flow);
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
  await recordAudit({ actor: { type: "admin", id: admin.id, label: admin.email }, ip: ctx.ip, action: "admin.login", target: admin.id, outcome: "success" });
  const now = Date.now();
  const cookie = await sessionSetCookie({ v: 1, kt: session.token, iid: admin.id, aat: now, lsa: now }, ctx.req);
  return json(admin, { headers: { "Set-Cookie": cookie } });
};

/** Revokes the Kratos session too: clearing the cookie alone would not end a copied cookie. */
export const logout = async (ctx: RouteContext) => {
  const payload = await readSession(sessionCookieFrom(ctx.req.cookies));
  if (payload) {
    await k.logout(payload.kt);
    await recordAudit({ actor: { type: "admin", id: payload.iid, label: null }, ip: ctx.ip, action: "admin.logout", target: payload.iid, outcome: "success" });
  }
  return new Response(null, { status: 204, headers: { "Set-Cookie": clearedSessionSetCookie(ctx.req) } });
};

export const currentSession = async (ctx: RouteContext) =>
  json({ auth_required: env().TRUSS_AUTH_REQUIRED, admin: ctx.admin?.admin ?? null });

/**
 * First admin from the single-use setup link printed at start. It only ever creates a new identity, and only
 * while Kratos has no admin at all: it never promotes or re-passwords an existing account.
 */
export const setup = async (ctx: RouteContext<undefined, undefined, SetupBody>) => {
  const giveBack = await consumeSetupToken(ctx.body.token);
  if (await anyAdminExists()) throw new ApiError("forbidden", "An admin already exists. Sign in instead; admins promote other admins.");
  if (await k.findIdentityByEmail(ctx.body.email)) {
    await giveBack();
    throw new ApiError("conflict", "An account with this email already exists. Setup only creates a new account: use another email.");
  }
  const admin = await k.createIdentity({ email: ctx.body.email, password: ctx.body.password, name: ctx.body.name, state: "active" }, { truss_role: k.ADMIN_ROLE });
  await rememberAdmin(admin.id);
  await recordAudit({ actor: { type: "system", id: null, label: "setup link" }, ip: ctx.ip, action: "admin.setup", target: admin.id, outcome: "success" });
  return json(admin, { status: 201 });
};

/**
 * Re-authentication for sensitive actions: a fresh password sign-in through Kratos for the same identity. The new
 * Kratos session replaces the cookie's (the old one is revoked) and the cookie's authenticated-at is now.
 */
export const reauthenticate = async (ctx: RouteContext<undefined, undefined, ReauthBody>) => {
  const payload = ctx.admin?.payload;
  const email = ctx.admin?.admin?.email;
  if (!payload || !email) throw new ApiError("invalid_request", "Authentication is disabled: there is nothing to confirm.");
  const limits = loginLimits(email.toLowerCase(), ctx.ip);
  await throwIfThrottled(limits, "Too many attempts. Wait a few minutes and try again.");
  let session: Awaited<ReturnType<typeof k.submitLogin>> | null = null;
  try {
    session = await k.submitLogin(email, ctx.body.password);
  } catch (err) {
    if (!(err instanceof k.InvalidCredentials)) throw err;
  }
  if (!session || session.identityId !== payload.iid) {
    if (session) await k.logout(session.token);
    await hit(limits);
    await recordAudit({ actor: ctx.actor, ip: ctx.ip, action: "admin.reauth", target: payload.iid, outcome: "failure" });
    throw new ApiError("unauthorized", "That password is not right.");
  }
  await k.logout(payload.kt).catch(() => undefined);
  await recordAudit({ actor: ctx.actor, ip: ctx.ip, action: "admin.reauth", target: payload.iid, outcome: "success" });
  const now = Date.now();
  const cookie = await sessionSetCookie({ ...payload, kt: session.token, aat: now, lsa: now }, ctx.req);
  return json({ reauthenticated_at: new Date(now).toISOString() }, { headers: { "Set-Cookie": cookie } });
};
