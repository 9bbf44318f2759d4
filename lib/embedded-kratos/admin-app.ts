import { Hono } from "hono";
import type { KratosDeps } from "./deps";
import { onError } from "./errors";
import { goJsonContentType, goNotFound, goRedirect } from "./go-compat";
import { registerCourierRoutes } from "./routes/courier";
import { registerHealthRoutes } from "./routes/health";
import { registerIdentityRoutes } from "./routes/identities";
import { registerIdentityBatchRoutes } from "./routes/identities-batch";
import { registerIdentityListRoutes } from "./routes/identities-list";
import { registerIdentityPatchRoutes } from "./routes/identity-patch";
import { registerRecoveryRoutes } from "./routes/recovery";
import { registerAdminSessionRoutes } from "./routes/sessions-admin";

/** Kratos serves every admin route under /admin and rewrites paths that lack the prefix. */
function adminPath(request: Request): string {
  const url = request.url;
  const start = url.indexOf("/", url.indexOf("://") + 3);
  const end = url.indexOf("?", start);
  const path = start < 0 ? "/" : url.slice(start, end < 0 ? undefined : end);
  return path === "/admin" || path.startsWith("/admin/") ? path : `/admin${path}`;
}

/** Admin router: identities, batch, sessions, recovery, version, health; schemas redirect (307). */
export function createAdminApp(deps: KratosDeps, version: string): Hono {
  const app = new Hono({ getPath: adminPath });
  app.use("*", goJsonContentType);
  app.get("/admin/schemas/*", (c) => redirectToPublic(c.req.path, c.req.url));
  app.get("/admin/schemas", (c) => redirectToPublic(c.req.path, c.req.url));
  registerHealthRoutes(app, "/admin", () => deps.store.ping());
  app.get("/admin/version", (c) => c.json({ version }));
  registerIdentityListRoutes(app, deps);
  registerIdentityBatchRoutes(app, deps);
  registerIdentityRoutes(app, deps);
  registerIdentityPatchRoutes(app, deps);
  registerAdminSessionRoutes(app, deps);
  registerRecoveryRoutes(app, deps);
  registerCourierRoutes(app, deps);
  app.notFound(goNotFound);
  app.onError(onError);
  return app;

  function redirectToPublic(path: string, url: string): Response {
    const target = `${deps.config.publicBaseUrl}${path.replace(/^\/admin/, "")}${new URL(url).search}`;
    return goRedirect(target);
  }
}
