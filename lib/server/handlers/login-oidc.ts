import "server-only";
import { createHash } from "node:crypto";
import { usesEmbeddedKratos } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/errors";
import { ownOrigin } from "@/lib/server/http/request-info";
import { json, type RouteContext } from "@/lib/server/http/route";
import * as k from "@/lib/server/kratos";
import { rememberAdmin } from "@/lib/server/services/admins";
import { recordAudit } from "@/lib/server/services/audit";
import { providerOrThrow } from "@/lib/server/services/providers";
import { consume } from "@/lib/server/services/throttle";
import type { OidcLoginBody } from "@/lib/schemas/auth";
import {
  clearedOidcPendingSetCookie,
  oidcPendingSetCookie,
  readOidcPending,
  readSessionToken,
  sessionCookieFrom,
  sessionSetCookie,
} from "@/lib/session-cookie";

const CALLBACK = "/api/auth/login/oidc/callback";

// The dashboard's own origin (as CSRF checks see it): Kratos's allowed_return_urls refuses any other host.
const origin = ownOrigin;

// POST /api/auth/login/oidc
/** Starts an admin's social sign-in through Kratos; the browser goes to `redirect_to` (the provider). */
export const startOidcLogin = async (ctx: RouteContext<undefined, undefined, OidcLoginBody>) => {
  if (usesEmbeddedKratos())
    throw new ApiError("invalid_request", "Social sign-in needs a real Ory Kratos; the embedded server has none.");
  const provider = providerOrThrow(ctx.body.provider);
  // Each start stores a flow in Kratos: limited per client like sign-in attempts.
  const { retryAfter } = await consume({ bucket: `loginflow:ip:${ctx.ip}`, max: 30, windowMs: 60_000 });
  if (retryAfter !== null)
    throw new ApiError("rate_limited", "Too many sign-in attempts. Wait a minute and try again.", {
      headers: { "Retry-After": String(retryAfter) },
    });
  const { initCode, redirectTo } = await k.startOidcLogin(provider.id, `${origin(ctx.req)}${CALLBACK}`);
  const cookie = await oidcPendingSetCookie({ init: initCode, provider: provider.id }, ctx.req);
  return json({ redirect_to: redirectTo }, { headers: { "Set-Cookie": cookie } });
};

function redirect(req: Request, to: string, cookies: string[]): Response {
  const headers = new Headers({ Location: `${origin(req)}${to}`, "Cache-Control": "no-store" });
  for (const c of cookies) headers.append("Set-Cookie", c);
  return new Response(null, { status: 303, headers });
}

// GET /api/auth/login/oidc/callback
/**
 * Kratos sends the browser here after the provider, with the second half of the exchange code. Only the browser
 * that started the sign-in holds the first half. Admins only: anyone else is refused and no Truss session exists.
 */
export const finishOidcLogin = async (ctx: RouteContext<undefined, { code?: string }>) => {
  const req = ctx.req;
  const pending = await readOidcPending(req.cookies);
  const clearPending = clearedOidcPendingSetCookie(req);
  const refuse = async (reason: "oidc_failed" | "not_admin", identityId: string | null = null) => {
    await recordAudit({
      actor: { type: "anonymous", id: identityId, label: pending ? `oidc:${pending.provider}` : "oidc" },
      ip: ctx.ip,
      action: "admin.login",
      target: identityId,
      outcome: "failure",
      details: { reason, method: pending ? `oidc:${pending.provider}` : "oidc" },
    });
    return redirect(req, `/login?error=${reason}`, [clearPending]);
  };
  const code = ctx.query.code;
  if (!pending || !code) return refuse("oidc_failed");
  // Kratos lets an exchange code be used again until it expires: Truss spends each sign-in once (in its store, so
  // every instance agrees).
  const spent = await consume({
    bucket: `oidc:init:${createHash("sha256").update(pending.init).digest("hex")}`,
    max: 1,
    windowMs: 600_000,
  });
  if (spent.retryAfter !== null) return refuse("oidc_failed");
  const session = await k.exchangeOidcCode(pending.init, code);
  if (!session) return refuse("oidc_failed");
  const admin = await k.getAdmin(session.identityId);
  if (!admin) {
    await k.logout(session.token);
    return refuse("not_admin", session.identityId);
  }
  const replaced = await readSessionToken(sessionCookieFrom(req.cookies));
  if (replaced && replaced !== session.token) await k.logout(replaced).catch(() => undefined);
  await rememberAdmin(admin.id);
  await recordAudit({
    actor: { type: "admin", id: admin.id, label: admin.email ?? admin.display_name },
    ip: ctx.ip,
    action: "admin.login",
    target: admin.id,
    outcome: "success",
    details: { method: `oidc:${pending.provider}` },
  });
  const now = Date.now();
  const cookie = await sessionSetCookie({ v: 1, kt: session.token, iid: admin.id, aat: now, lsa: now }, req);
  return redirect(req, "/", [cookie, clearPending]);
};
