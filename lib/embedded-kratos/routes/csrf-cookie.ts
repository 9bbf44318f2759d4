import { createHash, randomBytes } from "node:crypto";
import type { Context } from "hono";

/**
 * Kratos's nosurf middleware hands out its CSRF cookie on some public reads (the schema list, fetching
 * a login flow). API clients ignore it; it is set so both servers answer with the same cookies.
 */
export function setCsrfCookie(c: Context, publicBaseUrl: string): void {
  if (c.req.header("Cookie")?.includes("csrf_token_")) return;
  const name = `csrf_token_${createHash("sha256").update(publicBaseUrl).digest("hex")}`;
  const value = randomBytes(32).toString("base64");
  c.header("Set-Cookie", `${name}=${value}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax`, { append: true });
}
