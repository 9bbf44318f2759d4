import type { Context, MiddlewareHandler } from "hono";

/**
 * Small imitations of what Go's net/http and gofrs/uuid put on the wire, so clients see the same
 * headers and texts from the embedded server as from Kratos.
 */

/**
 * herodot writes JSON answers as `application/json; charset=utf-8` but its error envelopes as plain
 * `application/json`; Hono's c.json() always omits the charset.
 */
export const goJsonContentType: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.error && c.res.headers.get("Content-Type") === "application/json") {
    c.res.headers.set("Content-Type", "application/json; charset=utf-8");
  }
};

/** http.NotFound: what Kratos's router answers for a route it does not know. */
export const goNotFound = (c: Context): Response =>
  c.body("404 page not found\n", 404, {
    "Content-Type": "text/plain; charset=utf-8",
    "X-Content-Type-Options": "nosniff",
  });

/** http.Redirect for a GET: 307 with a small HTML body. */
export function goRedirect(location: string): Response {
  const href = location.replace(/&/g, "&amp;").replace(/"/g, "&#34;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return new Response(`<a href="${href}">Temporary Redirect</a>.\n\n`, {
    status: 307,
    headers: { Location: location, "Content-Type": "text/html; charset=utf-8" },
  });
}

/** gofrs/uuid's parse error text for a string that is not a UUID. */
export const goUuidError = (s: string): string =>
  s.length === 36
    ? `uuid: incorrect UUID format in string ${JSON.stringify(s)}`
    : `uuid: incorrect UUID length ${s.length} in string ${JSON.stringify(s)}`;
