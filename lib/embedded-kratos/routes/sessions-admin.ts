import type { Context, Hono } from "hono";
import type { KratosDeps } from "../deps";
import { encodeSession } from "../encode/session";
import { KratosError, badRequest } from "../errors";
import { formatTime, isUuid } from "../http";
import type { SessionPageCursor } from "../store/session-store";
import type { SessionRecord } from "../store/types";
import { getIdentityOrThrow } from "./identities";
import { boolParam, clampPageSize, intParam, linkHeader, requestQuery } from "./pagination";

const notFound = () => new KratosError(404, { message: "Unable to locate the resource" });

/** expand=identity|devices, case-insensitive; anything else is a 400. */
function parseExpand(c: Context): { identity: boolean; devices: boolean } {
  const out = { identity: false, devices: false };
  for (const raw of c.req.queries("expand") ?? []) {
    const v = raw.toLowerCase();
    if (v === "identity") out.identity = true;
    else if (v === "devices") out.devices = true;
    else throw badRequest(`Could not parse expand option: ${raw}`);
  }
  return out;
}

const encodeCursor = (s: SessionRecord) =>
  Buffer.from(`id=${s.id}&created_at=${s.createdAt}`, "utf8").toString("base64");

function decodeCursor(token: string): SessionPageCursor {
  const params = new URLSearchParams(Buffer.from(token, "base64").toString("utf8"));
  const id = params.get("id") ?? "";
  const createdAt = params.get("created_at") ?? "";
  if (!isUuid(id) || Number.isNaN(Date.parse(createdAt))) {
    throw badRequest("The page token is invalid, do not craft your own page tokens");
  }
  return { id, createdAt };
}

/** Admin session endpoints (kratos:session/handler.go). */
export function registerAdminSessionRoutes(app: Hono, deps: KratosDeps): void {
  const encode = (s: SessionRecord, expand: { identity: boolean; devices: boolean }) =>
    encodeSession(s, {
      now: deps.now(),
      identity: deps.store.identities.get(s.identityId),
      expandIdentity: expand.identity,
      expandDevices: expand.devices,
      identityOptions: { publicBaseUrl: deps.config.publicBaseUrl, admin: true },
    });
  const getOrThrow = (id: string) => {
    if (!isUuid(id)) throw badRequest(`Unable to parse session id: ${id}`);
    const s = deps.store.sessions.get(id.toLowerCase());
    if (!s) throw notFound();
    return s;
  };

  app.get("/admin/sessions", (c) => {
    const q = requestQuery(c);
    const expand = parseExpand(c);
    const active = boolParam(q, "active");
    const pageSize = clampPageSize(intParam(q, "page_size"), 250, 1000);
    const token = q.get("page_token");
    const rows = deps.store.sessions.list({
      limit: pageSize + 1,
      after: token ? decodeCursor(token) : undefined,
      active,
      now: formatTime(deps.now()),
    });
    const page = rows.slice(0, pageSize);
    const rels: { rel: string; set: Record<string, string>; drop?: string[] }[] = [
      { rel: "first", set: { page_size: String(pageSize) }, drop: ["page_token"] },
    ];
    const last = page[page.length - 1];
    if (rows.length > pageSize && last) {
      rels.push({ rel: "next", set: { page_size: String(pageSize), page_token: encodeCursor(last) } });
    }
    c.header("Link", linkHeader("/admin/sessions", q, rels));
    return c.json(page.map((s) => encode(s, expand)));
  });

  app.get("/admin/sessions/:id", (c) => c.json(encode(getOrThrow(c.req.param("id")), parseExpand(c))));

  app.delete("/admin/sessions/:id", (c) => {
    const s = getOrThrow(c.req.param("id"));
    deps.store.sessions.deactivate(s.id, formatTime(deps.now()));
    return c.body(null, 204);
  });

  // Self-hosted default (faster_session_extend=false): 200 with the session, identity expanded.
  app.patch("/admin/sessions/:id/extend", (c) => {
    const s = getOrThrow(c.req.param("id"));
    const now = deps.now();
    const expiresAt = formatTime(new Date(now.getTime() + deps.config.sessionLifespanMs));
    deps.store.sessions.setExpiry(s.id, expiresAt, formatTime(now));
    return c.json(encode({ ...s, expiresAt }, { identity: true, devices: true }));
  });

  app.get("/admin/identities/:id/sessions", (c) => {
    const identity = getIdentityOrThrow(deps, c.req.param("id"));
    const q = requestQuery(c);
    const active = boolParam(q, "active");
    const perPage = clampPageSize(intParam(q, "page_size") ?? intParam(q, "per_page"), 250, 1000);
    const token = q.get("page_token");
    const offset = token ? decodeOffsetToken(token) : (intParam(q, "page") ?? 0) * perPage;
    const now = formatTime(deps.now());
    const total = deps.store.sessions.countForIdentity(identity.id, active, now);
    const rows = deps.store.sessions.listForIdentity(identity.id, { limit: perPage, offset, active, now });
    c.header("X-Total-Count", String(total));
    c.header("Link", migrationLinks(`/admin/identities/${identity.id}/sessions`, q, offset, perPage, total));
    return c.json(rows.map((s) => encode(s, { identity: true, devices: true })));
  });

  app.delete("/admin/identities/:id/sessions", (c) => {
    const identity = getIdentityOrThrow(deps, c.req.param("id"));
    if (deps.store.sessions.deleteForIdentity(identity.id) === 0) throw notFound();
    return c.body(null, 204);
  });
}

/** Migration pagination tokens: base64url of {"offset":"N","v":2}. */
const offsetToken = (offset: number) =>
  Buffer.from(JSON.stringify({ offset: String(offset), v: 2 }), "utf8").toString("base64url");

function decodeOffsetToken(token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { offset?: unknown };
    const n = Number(parsed.offset);
    if (Number.isInteger(n) && n >= 0) return n;
  } catch {
    // fall through to the 400 below
  }
  throw badRequest("The page token is invalid, do not craft your own page tokens");
}

function migrationLinks(path: string, q: URLSearchParams, offset: number, perPage: number, total: number) {
  const rel = (name: string, off: number) => ({
    rel: name,
    set: {
      page: String(Math.floor(off / perPage)),
      per_page: String(perPage),
      page_size: String(perPage),
      page_token: offsetToken(off),
    },
  });
  const lastOffset = Math.max(0, Math.floor((Math.max(total, 1) - 1) / perPage) * perPage);
  const rels = [rel("first", 0)];
  if (offset + perPage < total) rels.push(rel("next", offset + perPage));
  if (offset > 0) rels.push(rel("prev", Math.max(0, offset - perPage)));
  rels.push(rel("last", lastOffset));
  return linkHeader(path, q, rels);
}
