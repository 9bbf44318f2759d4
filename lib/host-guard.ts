/**
 * With TRUSS_AUTH_REQUIRED=false the dashboard has no login, so it must only answer requests addressed to
 * this machine (or to TRUSS_PUBLIC_URL's host): otherwise a web page could reach it through DNS rebinding.
 * Edge-safe and dependency-free: middleware and route handlers both call it.
 */
export const HOST_REFUSED = "With TRUSS_AUTH_REQUIRED=false only local hosts (or TRUSS_PUBLIC_URL) are served.";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function hostAllowedWithoutAuth(hostHeader: string | null, publicUrl: string | undefined): boolean {
  if (!hostHeader) return true; // HTTP/1.0 or direct calls: nothing a browser would send
  const host = hostHeader.toLowerCase().replace(/:\d+$/, "");
  if (LOOPBACK.has(host) || host.endsWith(".localhost")) return true;
  if (!publicUrl) return false;
  try {
    return new URL(publicUrl).hostname.toLowerCase() === host;
  } catch {
    return false;
  }
}
