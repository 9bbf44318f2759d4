import { createAdaptorServer } from "@hono/node-server";
import type { Hono } from "hono";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { join } from "node:path";
import { createAdminApp } from "./admin-app";
import { createSmtpDelivery } from "./courier/smtp";
import { createWebHookSender } from "./hooks/web-hook";
import { resolveConfig, type EmbeddedKratosOptions } from "./config";
import type { KratosConfig, KratosDeps } from "./deps";
import { createPublicApp } from "./public-app";
import { openStore, type Store } from "./store/sqlite-store";

export type { EmbeddedKratosOptions } from "./config";
export type { KratosConfig, KratosDeps } from "./deps";
export type { WebHookBody, WebHookEvent, WebHookOptions } from "./hooks/web-hook";
export type { Store } from "./store/sqlite-store";
export { openStore } from "./store/sqlite-store";
export { parseSchemaSpec, resolveConfig } from "./config";
export { parseDuration } from "./http";
export { defaultIdentitySchema } from "./default-identity-schema";

/** Reported by GET /version on the admin port. */
export const EMBEDDED_KRATOS_VERSION = "v26.2.0-embedded";

export interface EmbeddedKratos {
  publicUrl: string;
  adminUrl: string;
  close(): Promise<void>;
}

export interface CreateEmbeddedKratosDeps {
  store: Store;
  config: KratosConfig;
  now?: () => Date;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  newId?: () => string;
}

/**
 * Builds both routers without listening, for `app.request()` tests and custom hosting.
 * @example
 * const k = createEmbeddedKratos({ store: openStore(":memory:"), config: resolveConfig({}, urls) });
 * await k.publicApp.request("/health/alive");
 */
export function createEmbeddedKratos(d: CreateEmbeddedKratosDeps): {
  publicApp: Hono;
  adminApp: Hono;
  deps: KratosDeps;
} {
  const deps: KratosDeps = {
    store: d.store,
    config: d.config,
    now: d.now ?? (() => new Date()),
    random: d.random ?? Math.random,
    sleep: d.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    newId: d.newId ?? randomUUID,
    deliver: d.config.selfService.smtpUrl
      ? createSmtpDelivery(d.config.selfService.smtpUrl, d.config.selfService.smtpFrom)
      : undefined,
    webHook: d.config.webHook ? createWebHookSender(d.config.webHook) : undefined,
  };
  return { publicApp: createPublicApp(deps), adminApp: createAdminApp(deps, EMBEDDED_KRATOS_VERSION), deps };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Opens the database and starts the public and admin listeners (127.0.0.1 by default). */
export async function startEmbeddedKratos(opts: EmbeddedKratosOptions = {}): Promise<EmbeddedKratos> {
  const host = opts.host ?? "127.0.0.1";
  const store = openStore(opts.dbFile ?? join(opts.dataDir ?? "./.data", "embedded-kratos.sqlite"));
  // The routers need the bound URLs (port 0), so requests are routed once both are known.
  let apps: { publicApp: Hono; adminApp: Hono; deps: KratosDeps } | undefined;
  const unavailable = () => new Response("starting", { status: 503 });
  const make = (pick: "publicApp" | "adminApp") =>
    createAdaptorServer({
      fetch: (req: Request, env: unknown) => (apps ? apps[pick].fetch(req, env) : unavailable()),
      overrideGlobalObjects: false,
      // Go allows 1 MB of headers; Node's 16 KB default would reject `ids` filters of 500 UUIDs.
      serverOptions: { maxHeaderSize: 1024 * 1024 },
    }) as Server;
  const publicServer = make("publicApp");
  const adminServer = make("adminApp");
  try {
    const publicPort = await listen(publicServer, opts.publicPort ?? 4433, host);
    const adminPort = await listen(adminServer, opts.adminPort ?? 4434, host);
    const urlHost = host.includes(":") ? `[${host}]` : host;
    const publicUrl = opts.publicBaseUrl ?? `http://${urlHost}:${publicPort}`;
    const adminUrl = `http://${urlHost}:${adminPort}`;
    const config = resolveConfig(opts, { publicBaseUrl: publicUrl, adminBaseUrl: adminUrl });
    apps = createEmbeddedKratos({ store, config, now: opts.now });
    return {
      publicUrl: config.publicBaseUrl,
      adminUrl,
      close: async () => {
        // Web hooks in flight finish first (each within its timeout): their receiver may still read from Kratos.
        await apps?.deps.webHook?.drain();
        await Promise.all([closeServer(publicServer), closeServer(adminServer)]);
        await apps?.deps.webHook?.drain();
        store.close();
      },
    };
  } catch (err) {
    await Promise.all([closeServer(publicServer), closeServer(adminServer)]);
    store.close();
    throw err;
  }
}
