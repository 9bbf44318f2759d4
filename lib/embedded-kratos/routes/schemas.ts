import type { Hono } from "hono";
import type { KratosDeps } from "../deps";
import { KratosError } from "../errors";
import { setCsrfCookie } from "./csrf-cookie";
import { clampPageSize, intParam, migrationFormatter, offsetLinks, requestQuery } from "./pagination";

/** Identity schemas on the public port (the admin port redirects here). */
export function registerSchemaRoutes(app: Hono, deps: KratosDeps): void {
  const entries = deps.config.schemas.entries;

  app.get("/schemas", (c) => {
    const q = requestQuery(c);
    const perPage = clampPageSize(intParam(q, "per_page") ?? intParam(q, "page_size"), 250, 1000);
    const page = intParam(q, "page") ?? 0;
    const slice = entries.slice(page * perPage, page * perPage + perPage);
    setCsrfCookie(c, deps.config.publicBaseUrl);
    c.header("X-Total-Count", String(entries.length));
    c.header("Link", offsetLinks("/schemas", q, entries.length, page, perPage, migrationFormatter));
    return c.json(slice.map((e) => ({ id: e.id, schema: e.schema })));
  });

  app.get("/schemas/:id", (c) => {
    const id = c.req.param("id");
    const entry = deps.config.schemas.find(id);
    if (!entry) throw new KratosError(404, { reason: `Identity schema \`${id}\` could not be found.` });
    return c.json(entry.schema);
  });
}
