import { Hono } from "hono";
import type { KratosDeps } from "./deps";
import { onError } from "./errors";
import { goJsonContentType, goNotFound, goRedirect } from "./go-compat";
import { registerBrowserSessionRoutes } from "./routes/browser-session";
import { registerHealthRoutes } from "./routes/health";
import { registerLoginRoutes } from "./routes/login";
import { registerRecoveryPublicRoutes } from "./routes/recovery-public";
import { registerRegistrationRoutes } from "./routes/registration";
import { registerSchemaRoutes } from "./routes/schemas";
import { registerPublicSessionRoutes } from "./routes/sessions-public";
import { registerSettingsRoutes } from "./routes/settings";
import { registerVerificationRoutes } from "./routes/verification";

/**
 * Public router: login, registration, recovery, settings and verification flows (API and browser),
 * whoami, logout, the error flow, schemas, health; admin paths redirect (307).
 */
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
  registerRegistrationRoutes(app, deps);
  registerRecoveryPublicRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerVerificationRoutes(app, deps);
  registerBrowserSessionRoutes(app, deps);
  app.notFound(goNotFound);
  app.onError(onError);
  return app;
}
