import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { HOST_REFUSED, hostAllowedWithoutAuth } from "@/lib/host-guard";
import { authRequired, readSession, sessionCookieFrom } from "@/lib/session-cookie";
import { sharedEnv } from "@/lib/shared-config";
import { errorBody, errorStatus, type ErrorId } from "@/lib/schemas/error";

/**
 * Optimistic first gate only (every route handler and page re-verifies with Kratos): without a valid sealed
 * cookie, pages redirect to /login?next=… and /api answers 401. /v1 is left to its API-key check.
 */
const PUBLIC = [
  "/login",
  "/setup",
  "/api/auth/login",
  "/api/auth/login/oidc",
  "/api/auth/login/oidc/callback",
  "/api/health",
  "/api/setup",
  "/api/hooks/kratos", // Kratos's web hooks: the handler checks TRUSS_HOOK_SECRET
];
// The largest body any route takes (an import); anything declaring more is refused before it is read.
const MAX_BODY = 2 * 1024 * 1024;
const HSTS = "max-age=63072000; includeSubDomains";

/** The JSON error envelope, with a request id, built by the same helper route handlers use. */
function envelope(id: ErrorId, message: string): NextResponse {
  const request = `req_${newNonce()
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 12)}`;
  return NextResponse.json(errorBody(id, message, request), {
    status: errorStatus[id],
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Request-Id": request,
    },
  });
}

/** HSTS whenever the dashboard is served over https (TRUSS_PUBLIC_URL decides, as for the Secure cookie). */
function secure(res: NextResponse): NextResponse {
  if (sharedEnv().TRUSS_PUBLIC_URL?.startsWith("https:")) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

/** Lets the request through; pages get a fresh CSP nonce (on the request for Next, on the response for the browser). */
function pass(req: NextRequest): NextResponse {
  const { pathname } = req.nextUrl;
  if (pathname.startsWith("/api/") || pathname.startsWith("/v1")) return NextResponse.next();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export async function middleware(req: NextRequest) {
  return secure(await gate(req));
}

async function gate(req: NextRequest): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY)
    return envelope("payload_too_large", `The body is larger than ${MAX_BODY / 1024} KiB.`);
  if (pathname.startsWith("/v1/") || pathname === "/v1" || PUBLIC.includes(pathname)) return pass(req);
  if (!authRequired()) {
    if (hostAllowedWithoutAuth(req.headers.get("host"), sharedEnv().TRUSS_PUBLIC_URL)) return pass(req);
    return envelope("forbidden", HOST_REFUSED);
  }
  if (await readSession(sessionCookieFrom(req.cookies))) return pass(req);
  if (pathname.startsWith("/api/")) return envelope("unauthorized", "Sign in to continue.");
  const login = req.nextUrl.clone();
  login.pathname = "/login";
  login.search = "";
  if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Node runtime: the cookie secret may live in TRUSS_DATA_DIR (read with fs).
  runtime: "nodejs",
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
