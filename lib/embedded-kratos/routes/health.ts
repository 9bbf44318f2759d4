import type { Hono } from "hono";

/** Liveness/readiness; `prefix` is "" on the public port and "/admin" on the admin port. */
export function registerHealthRoutes(app: Hono, prefix: string, ready: () => boolean): void {
  app.get(`${prefix}/health/alive`, (c) => c.json({ status: "ok" }));
  app.get(`${prefix}/health/ready`, (c) =>
    ready()
      ? c.json({ status: "ok" })
      : c.json({ errors: { database: "error may contain sensitive information and was obfuscated" } }, 503),
  );
}
