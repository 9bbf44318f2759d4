import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const apiCsp = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" };

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Middleware clones the body before the route sees it: never more than the largest legitimate body (import).
  experimental: { proxyClientMaxBodySize: "2mb" },
  // Native modules stay outside the server bundle (they are loaded at runtime by Node).
  serverExternalPackages: ["better-sqlite3", "@node-rs/bcrypt", "@node-rs/argon2"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Pages get a per-request nonce CSP from middleware; JSON answers never need to run anything.
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }, apiCsp] },
      { source: "/v1/:path*", headers: [{ key: "Cache-Control", value: "no-store" }, apiCsp] },
    ];
  },
};

export default nextConfig;
