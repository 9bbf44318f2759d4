import type { SchemaRegistry } from "./schema/registry";
import type { Deliver } from "./courier/courier";
import type { WebHookOptions, WebHookSender } from "./hooks/web-hook";
import type { SelfServiceConfig } from "./selfservice-config";
import type { Store } from "./store/sqlite-store";

/** Resolved configuration shared by both routers. */
export interface KratosConfig {
  publicBaseUrl: string;
  adminBaseUrl: string;
  bcryptCost: number;
  sessionLifespanMs: number;
  loginFlowLifespanMs: number;
  oidcProviders: { id: string; label?: string }[];
  unknownIdentifierDelayMs: [number, number];
  schemas: SchemaRegistry;
  defaultSchemaId: string;
  selfService: SelfServiceConfig;
  /** selfservice.flows.*.after.hooks: one web_hook (response ignored) after every completed flow. */
  webHook?: WebHookOptions;
}

/** Everything impure the handlers use arrives here, so tests control clocks and randomness. */
export interface KratosDeps {
  store: Store;
  config: KratosConfig;
  now: () => Date;
  /** Uniform [0,1), used for the unknown-identifier delay. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  newId: () => string;
  /** Courier delivery (SMTP) when configured; messages are always stored. */
  deliver?: Deliver;
  /** Web hook delivery when configured (fire and forget). */
  webHook?: WebHookSender;
}
