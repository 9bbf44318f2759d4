import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { KratosDeps } from "../deps";
import { KratosError } from "../errors";
import { CSRF_COOKIE_REASON, CSRF_ORIGIN_REASON } from "../flows/messages";

/** Kratos's nosurf cookie: `csrf_token_<sha256 of the public base URL>`, a year, HttpOnly, Lax. */
export const csrfCookieName = (deps: KratosDeps): string =>
  `csrf_token_${createHash("sha256").update(deps.config.publicBaseUrl).digest("hex")}`;

/** The raw CSRF token from the cookie, or a new one set on the response. */
export function ensureCsrfCookie(c: Context, deps: KratosDeps): string {
  const issued = c.get("embeddedCsrfToken" as never) as string | undefined;
  if (issued) return issued;
  const existing = getCookie(c, csrfCookieName(deps));
  if (existing && Buffer.from(existing, "base64").length === 32) return existing;
  return regenerateCsrfCookie(c, deps);
}

/** Re-issues the cookie (after a privilege change, as Kratos's RegenerateToken); returns the new token. */
export function regenerateCsrfCookie(c: Context, deps: KratosDeps): string {
  const value = randomBytes(32).toString("base64");
  c.set("embeddedCsrfToken" as never, value as never);
  setCookie(c, csrfCookieName(deps), value, { path: "/", maxAge: 31_536_000, httpOnly: true, sameSite: "Lax" });
  return value;
}

/** The form value: a one-time pad plus the token XOR the pad (nosurf's masking, 64 bytes base64). */
export function maskCsrfToken(raw: string): string {
  const token = Buffer.from(raw, "base64");
  const pad = randomBytes(token.length);
  const masked = Buffer.alloc(token.length);
  for (let i = 0; i < token.length; i++) masked[i] = (token[i] ?? 0) ^ (pad[i] ?? 0);
  return Buffer.concat([pad, masked]).toString("base64");
}

function unmask(sent: string): Buffer | undefined {
  const b = Buffer.from(sent, "base64");
  if (b.length !== 64) return undefined;
  const out = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) out[i] = (b[i] ?? 0) ^ (b[i + 32] ?? 0);
  return out;
}

const BROWSER_HINT =
  "We detected a regular browser or server-side call. To debug browser calls check your Browser's Network Tab to see what cookies are included or excluded. If you are calling from a server ensure that the appropriate cookies are being forwarded and that the SDK method is called correctly.";
const AJAX_HINT =
  "We detected an AJAX call, please ensure that CORS is enabled and configured correctly, and that your AJAX code sends cookies and has credentials enabled. For further debugging, check your Browser's Network Tab to see what cookies are included or excluded.";

const violationOf = (rejectReason: string, ajax: boolean) =>
  new KratosError(403, {
    id: "security_csrf_violation",
    reason:
      "Please retry the flow and optionally clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF) which could cause account takeover, leaking personal information, and other serious security issues.",
    details: {
      docs: "https://www.ory.sh/kratos/docs/debug/csrf",
      hint: ajax ? AJAX_HINT : BROWSER_HINT,
      reject_reason: rejectReason,
    },
    message: "the request was rejected to protect you from Cross-Site-Request-Forgery",
  });

/** flow.EnsureCSRF for browser flows: the form's csrf_token must unmask to the cookie's token. */
export function checkCsrf(c: Context, deps: KratosDeps, sent: string): void {
  const accept = (c.req.header("Accept") ?? "").toLowerCase();
  const ajax =
    accept.includes("application/json") || (c.req.header("Content-Type") ?? "").toLowerCase() === "application/json";
  const violation = (reason: string) => violationOf(reason, ajax);
  const cookie = getCookie(c, csrfCookieName(deps));
  if (!cookie) {
    throw violation(
      "The HTTP Cookie Header was set but did not include the anti-CSRF cookie. We are unable to verify the CSRF token. We recommend deleting all cookies for this domain and retrying the flow.",
    );
  }
  if (!sent)
    throw violation(
      "The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).",
    );
  const expected = Buffer.from(cookie, "base64");
  const got = unmask(sent);
  if (!got || expected.length !== 32 || !timingSafeEqual(got, expected)) {
    throw violation(
      "The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.",
    );
  }
}

/** API flows must not carry browser headers (Cloudflare's own cookies are tolerated). */
export function apiFlowCsrfViolation(c: Context): string | undefined {
  if (c.req.header("Origin")) return CSRF_ORIGIN_REASON;
  const cookie = c.req.header("Cookie");
  if (!cookie) return undefined;
  const names = cookie
    .split(";")
    .map((p) => p.split("=")[0]?.trim() ?? "")
    .filter(Boolean);
  return names.some((n) => !/^(__cf|_cf|cf_)/.test(n)) ? CSRF_COOKIE_REASON : undefined;
}

/** Runs the CSRF check a flow's type calls for; API-flow violations become a flow message. */
export function flowCsrfCheck(
  c: Context,
  deps: KratosDeps,
  flow: { type: string; skipCsrf: boolean },
  sent: unknown,
): string | undefined {
  if (flow.skipCsrf) return undefined;
  if (flow.type === "browser") {
    checkCsrf(c, deps, typeof sent === "string" ? sent : (c.req.header("X-CSRF-Token") ?? ""));
    return undefined;
  }
  return apiFlowCsrfViolation(c);
}
