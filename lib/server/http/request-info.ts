import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/server/env";

export function newRequestId(): string {
  return `req_${randomBytes(9).toString("base64url")}`;
}

/** The socket address `npm start` (scripts/server.mjs) writes on every request, replacing any client copy. */
function socketAddress(req: Request): string | null {
  const header = (globalThis as { __trussSocketAddressHeader?: string }).__trussSocketAddressHeader;
  return header ? req.headers.get(header) : null;
}

/**
 * The client's address. Untrusted (the default): the socket address, full stop; X-Forwarded-For is ignored.
 * TRUSS_TRUST_PROXY=N (true = 1): the Nth X-Forwarded-For hop from the right, i.e. the address the outermost of
 * N trusted proxies saw; hops further left were written by the client and are never used.
 */
export function clientIp(req: Request): string {
  const socket = socketAddress(req);
  const depth = env().TRUSS_TRUST_PROXY;
  if (depth > 0) {
    const hops = (req.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    return hops.at(-depth) ?? socket ?? "unknown";
  }
  return socket ?? "unknown";
}

/** Our own origin for CSRF checks: TRUSS_PUBLIC_URL when configured, else the request's own. */
export function ownOrigin(req: Request): string {
  const configured = env().TRUSS_PUBLIC_URL;
  if (configured) return new URL(configured).origin;
  const url = new URL(req.url);
  const host = req.headers.get("host");
  return host ? `${url.protocol}//${host}` : url.origin;
}
