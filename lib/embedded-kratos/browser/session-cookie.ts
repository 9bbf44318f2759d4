import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/** Kratos's session cookie name (session.cookie.name default). */
export const SESSION_COOKIE = "ory_kratos_session";

/** ory_kratos_session: HttpOnly, SameSite=Lax, Path=/, expiring with the session (session.cookie defaults). */
export function setSessionCookie(c: Context, token: string, expiresAt: string, now: Date): void {
  const expires = new Date(expiresAt);
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    expires,
    maxAge: Math.max(0, Math.floor((expires.getTime() - now.getTime()) / 1000)),
    httpOnly: true,
    sameSite: "Lax",
  });
}

export const readSessionCookie = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE) || undefined;

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Lax" });
}
