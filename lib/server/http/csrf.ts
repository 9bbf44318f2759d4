import "server-only";
import { ApiError } from "@/lib/server/http/errors";
import { ownOrigin } from "@/lib/server/http/request-info";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function hasBody(req: Request): boolean {
  const len = req.headers.get("content-length");
  return (len !== null && len !== "0") || req.headers.has("transfer-encoding");
}

/**
 * CSRF defence for cookie-authenticated mutations (Route Handlers get none from Next):
 * a body must be application/json (a cross-site form cannot send it without a preflight), and a browser's
 * Sec-Fetch-Site / Origin must say same-origin. Requests with neither header (curl) pass.
 */
export function checkCsrf(req: Request, bodyExpected: boolean): void {
  if (SAFE.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none")
    throw new ApiError("forbidden", "Cross-site requests are not allowed.");
  const origin = req.headers.get("origin");
  if (origin !== null && origin !== ownOrigin(req))
    throw new ApiError("forbidden", "Cross-origin requests are not allowed.");
  if (bodyExpected || hasBody(req)) {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json")
      throw new ApiError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
}
