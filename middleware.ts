import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { HOST_REFUSED, hostAllowedWithoutAuth } from "@/lib/host-guard";
import { authRequired, readSession, SESSION_COOKIE } from "@/lib/session-cookie";

/**
 * Optimistic first gate only (every route handler and page re-verifies with Kratos): without a valid sealed
 * cookie, pages redirect to /login?next=… and /api answers 401. /v1 is left to its API-key check.
 */
const PUBLIC = ["/login", "/setup", "/api/auth/login", "/api/health", "/api/setup"];

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
  const { pathname, search } = req.nextUrl;
  if (pathname.startsWith("/v1/") || pathname === "/v1" || PUBLIC.includes(pathname)) return pass(req);
  if (!authRequired()) {
    if (hostAllowedWithoutAuth(req.headers.get("host"))) return pass(req);
    return NextResponse.json(
      { error: { id: "forbidden", code: 403, message: HOST_REFUSED } },
      { status: 403 },
    );
  }
  if (await readSession(req.cookies.get(SESSION_COOKIE)?.value)) return pass(req);
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { id: "unauthorized", code: 401, message: "Sign in to continue." } },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    );
  }
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
