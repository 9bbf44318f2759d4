import { NextResponse, type NextRequest } from "next/server";
import { hostAllowedWithoutAuth } from "@/lib/host-guard";
import { authRequired, readSession, SESSION_COOKIE } from "@/lib/session-cookie";

/**
 * Optimistic first gate only (every route handler and page re-verifies with Kratos): without a valid sealed
 * cookie, pages redirect to /login?next=… and /api answers 401. /v1 is left to its API-key check.
 */
const PUBLIC = ["/login", "/setup", "/api/auth/login", "/api/health", "/api/setup"];

export async function middleware(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (pathname.startsWith("/v1/") || pathname === "/v1" || PUBLIC.includes(pathname)) return NextResponse.next();
  if (!authRequired()) {
    if (hostAllowedWithoutAuth(req.headers.get("host"))) return NextResponse.next();
    return NextResponse.json(
      { error: { id: "forbidden", code: 403, message: "With TRUSS_AUTH_REQUIRED=false only local hosts (or TRUSS_PUBLIC_URL) are served." } },
      { status: 403 },
    );
  }
  if (await readSession(req.cookies.get(SESSION_COOKIE)?.value)) return NextResponse.next();
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
