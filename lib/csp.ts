import { sharedEnv } from "@/lib/shared-config";

/**
 * Per-request nonce Content-Security-Policy for pages (set by middleware): only scripts carrying the nonce,
 * and what they load, run ('strict-dynamic'). Next reads the nonce from the request's CSP header and stamps
 * its own scripts; the root layout stamps the inline theme script. Edge-safe, no dependencies.
 */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, dev = sharedEnv().NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    // The dev server's fast refresh needs eval; production never gets it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
