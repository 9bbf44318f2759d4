import type { Hono } from "hono";
import { notFoundRow } from "../errors";
import { linkHeader, requestQuery } from "./pagination";

/** Courier.Message's default page token: before the newest possible message. */
const FIRST_TOKEN = Buffer.from('{"created_at":"2200-12-31T23:59:59Z","id":"00000000-0000-0000-0000-000000000000"}').toString("base64url");

/**
 * The admin courier API. The embedded server sends no e-mail or SMS (as Kratos's admin recovery calls
 * do not either), so the outbox is always empty.
 */
export function registerCourierRoutes(app: Hono): void {
  app.get("/admin/courier/messages", (c) => {
    const q = requestQuery(c);
    const size = q.get("page_size") || "10";
    c.header("Link", linkHeader("/admin/courier/messages", q, [{ rel: "first", set: { page_size: size, page_token: FIRST_TOKEN } }]));
    return c.json([]);
  });
  app.get("/admin/courier/messages/:id", () => {
    throw notFoundRow();
  });
}
