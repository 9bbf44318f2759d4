import type { Context, Hono } from "hono";
import type { KratosDeps } from "../deps";
import { encodeSession } from "../encode/session";
import { KratosError, badRequest } from "../errors";
import { formatTime, isUuid } from "../http";
import type { SessionPageCursor } from "../store/session-store";
import type { SessionRecord } from "../store/types";
import {
  boolParam,
  clampPageSize,
  intParam,
  linkHeader,
  migrationFormatter,
  offsetLinks,
  requestQuery,
} from "./pagination";
import { goUuidError } from "../go-compat";
import { getIdentityOrThrow } from "./identities";

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

/** keysetpagination.MapPageToken: raw base64 of `id=…/created_at=…` (time as x.MapPaginationDateFormat). */
const tokenOf = (id: string, createdAt: string) =>
  Buffer.from(`id=${id}/created_at=${createdAt.replace("T", " ").replace(/Z$/, "")}`, "utf8")
    .toString("base64")
    .replace(/=+$/, "");
const encodeCursor = (s: SessionRecord) => tokenOf(s.id, s.createdAt);
const NIL = "00000000-0000-0000-0000-000000000000";
/** Session.DefaultPageToken: the first page starts before everything. */
const FIRST_TOKEN = tokenOf(NIL, "2200-12-31T23:59:59Z");

function decodeCursor(token: string): SessionPageCursor | undefined {
  const fields = new Map<string, string>();
  for (const part of Buffer.from(token, "base64").toString("utf8").split("/")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const id = fields.get("id") ?? "";
  const createdAt = `${(fields.get("created_at") ?? "").replace(" ", "T")}Z`;
  if (!isUuid(id) || Number.isNaN(Date.parse(createdAt))) {
    throw badRequest("The page token is invalid, do not craft your own page tokens");
  }
  return id === NIL ? undefined : { id, createdAt: new Date(createdAt).toISOString() };
}

/** Admin session endpoints (kratos:session/handler.go). */
export function registerAdminSessionRoutes(app: Hono, deps: KratosDeps): void {
  // What Kratos v26.2.0 loads differs per endpoint: lists skip the identity's addresses, the identity
  // sessions list also its schema_url, and single-session answers leave devices unloaded ([]).
  type Shape = { identity: boolean; devices: boolean | "empty"; addresses?: boolean; schemaUrl?: boolean };
  const encode = (s: SessionRecord, shape: Shape) =>
    encodeSession(s, {
      now: deps.now(),
      identity: deps.store.identities.get(s.identityId),
      expandIdentity: shape.identity,
      expandDevices: shape.devices,
      identityOptions: {
        publicBaseUrl: deps.config.publicBaseUrl,
        admin: false,
        addresses: shape.addresses,
        schemaUrl: shape.schemaUrl,
      },
    });
  const getOrThrow = (id: string) => {
    if (!isUuid(id)) throw badRequest(undefined, goUuidError(id));
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
      { rel: "first", set: { page_size: String(pageSize), page_token: FIRST_TOKEN } },
    ];
    const last = page[page.length - 1];
    if (rows.length > pageSize && last) {
      rels.push({ rel: "next", set: { page_size: String(pageSize), page_token: encodeCursor(last) } });
    }
    c.header("Link", linkHeader("/admin/sessions", q, rels));
    return c.json(page.map((s) => encode(s, { ...expand, addresses: false })));
  });

  app.get("/admin/sessions/:id", (c) => {
    const expand = parseExpand(c);
    return c.json(
      encode(getOrThrow(c.req.param("id")), { identity: expand.identity, devices: expand.devices || "empty" }),
    );
  });

  app.delete("/admin/sessions/:id", (c) => {
    const s = getOrThrow(c.req.param("id"));
    deps.store.sessions.deactivate(s.id, formatTime(deps.now()));
    return c.body(null, 204, { "Content-Type": "application/json; charset=utf-8" });
  });

  // Self-hosted default (faster_session_extend=false): 200 with the session, identity expanded.
  app.patch("/admin/sessions/:id/extend", (c) => {
    const s = getOrThrow(c.req.param("id"));
    const now = deps.now();
    const expiresAt = formatTime(new Date(now.getTime() + deps.config.sessionLifespanMs));
    deps.store.sessions.setExpiry(s.id, expiresAt, formatTime(now));
    return c.json(encode({ ...s, expiresAt }, { identity: true, devices: "empty" }));
  });

  // Kratos does not look the identity up here: an unknown one simply has no sessions.
  app.get("/admin/identities/:id/sessions", (c) => {
    const rawId = c.req.param("id");
    if (!isUuid(rawId)) throw badRequest(undefined, goUuidError(rawId));
    const id = rawId.toLowerCase();
    const q = requestQuery(c);
    const active = boolParam(q, "active");
    const tokenStyle = q.has("page_token") || q.has("page_size");
    const perPage = clampPageSize(intParam(q, tokenStyle ? "page_size" : "per_page"), 250, 1000);
    const token = q.get("page_token");
    const offset = tokenStyle
      ? token
        ? decodeOffsetToken(token)
        : 0
      : Math.max(0, intParam(q, "page") ?? 0) * perPage;
    const now = formatTime(deps.now());
    const total = deps.store.sessions.countForIdentity(id, active, now);
    const rows = deps.store.sessions.listForIdentity(id, { limit: perPage, offset, active, now });
    const path = `/admin/identities/${rawId}/sessions`;
    c.header("X-Total-Count", String(total));
    c.header("Link", offsetLinks(path, q, total, Math.trunc(offset / perPage), perPage, migrationFormatter));
    return c.json(rows.map((s) => encode(s, { identity: true, devices: true, addresses: false, schemaUrl: false })));
  });

  app.delete("/admin/identities/:id/sessions", (c) => {
    const identity = getIdentityOrThrow(deps, c.req.param("id"));
    if (deps.store.sessions.deleteForIdentity(identity.id) === 0) throw notFound();
    return c.body(null, 204);
  });
}

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
