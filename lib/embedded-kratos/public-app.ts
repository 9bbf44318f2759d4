import { Hono } from "hono";
import type { KratosDeps } from "./deps";
import { onError } from "./errors";
import { goJsonContentType, goNotFound, goRedirect } from "./go-compat";
import { registerHealthRoutes } from "./routes/health";
import { registerLoginRoutes } from "./routes/login";
import { registerSchemaRoutes } from "./routes/schemas";
import { registerPublicSessionRoutes } from "./routes/sessions-public";

/** Public router: login flows, whoami, logout, schemas, health; admin paths redirect (307). */
export function createPublicApp(deps: KratosDeps): Hono {
  const app = new Hono();
  app.use("*", goJsonContentType);
  app.use("*", async (c, next) => {
    const path = c.req.path;
    const m = /^(?:\/admin)?(\/identities(?:\/.*)?)$/.exec(path);
    if (m) {
      const search = new URL(c.req.url).search;
      return goRedirect(`${deps.config.adminBaseUrl}/admin${m[1] ?? ""}${search}`);
    }
    await next();
  });
  registerHealthRoutes(app, "", () => deps.store.ping());
  registerLoginRoutes(app, deps);
  registerPublicSessionRoutes(app, deps);
  registerSchemaRoutes(app, deps);
  app.notFound(goNotFound);
  app.onError(onError);
  return app;
}
