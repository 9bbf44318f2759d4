import type { Hono } from "hono";
import type { KratosDeps } from "../deps";
import { encodeCourierMessage } from "../encode/courier";
import { KratosError, badRequest, notFoundRow } from "../errors";
import { isUuid } from "../http";
import type { CourierCursor } from "../store/courier-store";
import type { CourierStatus } from "../store/selfservice-types";
import { clampPageSize, intParam, linkHeader, requestQuery } from "./pagination";

const STATUSES: readonly CourierStatus[] = ["queued", "sent", "processing", "abandoned"];
const NIL = "00000000-0000-0000-0000-000000000000";

/** Keyset token: base64url of {"created_at","id"}. Kratos encrypts its tokens; both are opaque. */
const tokenOf = (c: CourierCursor) =>
  Buffer.from(JSON.stringify({ created_at: c.createdAt, id: c.id })).toString("base64url");
const FIRST_TOKEN = tokenOf({ createdAt: "2200-12-31T23:59:59Z", id: NIL });

function decodeToken(token: string): CourierCursor {
  try {
    const v = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { created_at?: unknown; id?: unknown };
    if (typeof v.created_at === "string" && typeof v.id === "string") return { createdAt: v.created_at, id: v.id };
  } catch {
    /* fall through */
  }
  // Kratos fails to decrypt a crafted token with a 500 ("decode token: ..."); a 400 says more.
  throw badRequest("The page token is invalid, do not craft your own page tokens");
}

/** GET /admin/courier/messages (status, recipient, keyset page_size/page_token) and /{id}. */
export function registerCourierRoutes(app: Hono, deps: KratosDeps): void {
  app.get("/admin/courier/messages", (c) => {
    const q = requestQuery(c);
    const rawStatus = q.get("status");
    if (q.has("status") && !STATUSES.includes(rawStatus as CourierStatus)) {
      throw new KratosError(400, { reason: "Message status is not valid" });
    }
    const pageSize = clampPageSize(intParam(q, "page_size"), 10, 1000);
    const token = q.get("page_token");
    const cursor = token ? decodeToken(token) : undefined;
    const rows = deps.store.courier.list({
      limit: pageSize + 1,
      after: cursor && cursor.id !== NIL ? cursor : undefined,
      status: (rawStatus as CourierStatus | null) ?? undefined,
      recipient: q.get("recipient") || undefined,
    });
    const page = rows.slice(0, pageSize);
    const rels = [{ rel: "first", set: { page_size: String(pageSize), page_token: FIRST_TOKEN } }];
    const last = page[page.length - 1];
    if (rows.length > pageSize && last)
      rels.push({ rel: "next", set: { page_size: String(pageSize), page_token: tokenOf(last) } });
    c.header("Link", linkHeader("/admin/courier/messages", q, rels));
    return c.json(page.map(encodeCourierMessage));
  });

  app.get("/admin/courier/messages/:id", (c) => {
    const id = c.req.param("id");
    const m = isUuid(id) ? deps.store.courier.get(id.toLowerCase()) : undefined;
    if (!m) throw notFoundRow();
    return c.json(encodeCourierMessage(m));
  });
}
