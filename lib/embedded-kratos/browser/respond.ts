import type { Context } from "hono";
import type { KratosDeps } from "../deps";
import { KratosError } from "../errors";
import { formatTime, isObject, readJson, type JsonObject } from "../http";
import type { FlowUi } from "../selfservice-config";

/** x.IsJSONRequest: Accept negotiates to application/json, or the body is JSON. */
export function wantsJson(c: Context): boolean {
  const accept = (c.req.header("Accept") ?? "").toLowerCase();
  const jsonAccept =
    accept.includes("application/json") && !/text\/html/.test(accept.split("application/json")[0] ?? "");
  return jsonAccept || (c.req.header("Content-Type") ?? "").toLowerCase() === "application/json";
}

/**
 * A 303 to `url`, as Go's http.Redirect(StatusSeeOther) writes it (a small HTML body for GET and
 * HEAD, nothing for POST), keeping the cookies set on `c`.
 */
export function seeOther(c: Context, url: string): Response {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return c.redirect(url, 303);
  const href = url.replace(/&/g, "&amp;").replace(/"/g, "&#34;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return c.body(`<a href="${href}">See Other</a>.\n\n`, 303, {
    Location: url,
    "Content-Type": "text/html; charset=utf-8",
  });
}

/** `<ui_url>?flow=<id>` (flow.AppendTo). */
export function uiUrl(deps: KratosDeps, ui: FlowUi, flowId: string): string {
  const u = new URL(deps.config.selfService.uiUrls[ui]);
  u.searchParams.set("flow", flowId);
  return u.toString();
}

/**
 * redir.SecureRedirectTo's allow-list: the URL must share scheme, host and port with an allowed URL
 * (or the default return URL) and start with its path. Relative return_to values are refused too.
 */
export function checkReturnTo(deps: KratosDeps, returnTo: string | null | undefined): string | null {
  if (!returnTo) return null;
  const ss = deps.config.selfService;
  let target: URL;
  try {
    target = new URL(returnTo);
  } catch {
    throw returnToForbidden(returnTo);
  }
  const ok = [...ss.allowedReturnUrls, ss.defaultReturnUrl].some((a) => {
    const allowed = new URL(a);
    return allowed.origin === target.origin && target.pathname.startsWith(allowed.pathname.replace(/\/$/, "") || "/");
  });
  if (!ok) throw returnToForbidden(returnTo);
  return returnTo;
}

const returnToForbidden = (url: string) =>
  new KratosError(400, {
    id: "self_service_flow_return_to_forbidden",
    reason: `Requested return_to URL "${url}" is not allowed.`,
  });

/**
 * Errors of browser requests that want HTML are stored and the browser is sent to the error UI
 * (`/self-service/errors?id=` serves them); JSON clients get the envelope.
 */
export function browserError(c: Context, deps: KratosDeps, err: unknown): Response {
  if (wantsJson(c)) throw err;
  const ke = err instanceof KratosError ? err : new KratosError(500);
  const id = deps.newId();
  deps.store.selfService.saveError(id, ke.toErrorObject(), formatTime(deps.now()));
  const u = new URL(deps.config.selfService.uiUrls.error);
  u.searchParams.set("id", id);
  return seeOther(c, u.toString());
}

/** Runs a browser-flow handler; errors become an error-UI redirect unless the client wants JSON. */
export async function asBrowser(
  c: Context,
  deps: KratosDeps,
  fn: () => Promise<Response> | Response,
): Promise<Response> {
  try {
    return await fn();
  } catch (err) {
    if (wantsJson(c)) throw err;
    const redirect = err instanceof KratosError ? err.extra?.redirect_browser_to : undefined;
    if (typeof redirect === "string") return seeOther(c, redirect);
    return browserError(c, deps, err);
  }
}

/** Sets `obj[a][b]` for the key "a.b" (decoderx turns dotted form names into nested JSON). */
function setPath(obj: JsonObject, key: string, value: string): void {
  const parts = key.split(".");
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    if (!isObject(cur[p])) cur[p] = {};
    cur = cur[p] as JsonObject;
  }
  cur[parts[parts.length - 1] ?? key] = value;
}

/** A flow submit body: JSON, or an HTML form (urlencoded or multipart) with dotted names nested. */
export async function readFlowBody(c: Context): Promise<JsonObject> {
  const type = (c.req.header("Content-Type") ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const form = await c.req.parseBody();
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(form)) if (typeof v === "string") setPath(out, k, v);
    return out;
  }
  const body = await readJson(c);
  return isObject(body) ? body : {};
}
