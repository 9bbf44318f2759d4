import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/server/env";

export function newRequestId(): string {
  return `req_${randomBytes(9).toString("base64url")}`;
}

/**
 * The client's address. Behind a trusted proxy (TRUSS_TRUST_PROXY=true) the first X-Forwarded-For hop;
 * otherwise the value Next itself fills in from the socket when the header is absent (a direct client can
 * still set it, so per-IP limits are only as strong as the proxy in front; per-identifier limits always hold).
 */
export function clientIp(req: Request): string {
  const xff = req.headers.get("x-forwarded-for");
  if (!xff) return "unknown";
  const hops = xff.split(",").map((h) => h.trim()).filter(Boolean);
  return (env().TRUSS_TRUST_PROXY ? hops[0] : hops.at(-1)) ?? "unknown";
}

/** Our own origin for CSRF checks: TRUSS_PUBLIC_URL when configured, else the request's own. */
export function ownOrigin(req: Request): string {
  const configured = env().TRUSS_PUBLIC_URL;
  if (configured) return new URL(configured).origin;
  const url = new URL(req.url);
  const host = req.headers.get("host");
  return host ? `${url.protocol}//${host}` : url.origin;
}

export function isHttps(req: Request): boolean {
  const configured = env().TRUSS_PUBLIC_URL;
  if (configured) return configured.startsWith("https:");
  return new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined; // a mangled cookie is no cookie, not a 500
      }
    }
  }
  return undefined;
}
