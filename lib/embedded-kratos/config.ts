import { readFileSync } from "node:fs";
import { defaultIdentitySchema } from "./default-identity-schema";
import type { KratosConfig } from "./deps";
import { isObject } from "./http";
import { SchemaRegistry } from "./schema/registry";
import { resolveSelfService, type SelfServiceOptions } from "./selfservice-config";

export interface EmbeddedKratosOptions {
  /** SQLite file lives at <dataDir>/embedded-kratos.sqlite (default "./.data"). */
  dataDir?: string;
  /** Overrides dataDir; ":memory:" for an in-memory database. */
  dbFile?: string;
  /** Default "127.0.0.1". */
  host?: string;
  /** Default 4433; 0 picks a free port. */
  publicPort?: number;
  /** Default 4434; 0 picks a free port. */
  adminPort?: number;
  /** Default http://<host>:<actual public port>. */
  publicBaseUrl?: string;
  /** Default 12 (Kratos's default); tests use 4. */
  bcryptCost?: number;
  /** Default 24h. */
  sessionLifespanMs?: number;
  /** Default 1h. */
  loginFlowLifespanMs?: number;
  /** Custom identity schema JSON file; default is the shipped email+password schema. */
  identitySchemaPath?: string;
  /** Rendered as oidc provider nodes in login flows. */
  oidcProviders?: { id: string; label?: string }[];
  /** Injectable clock. */
  now?: () => Date;
  /** Random delay range for unknown-identifier logins; default [0, 1000]. */
  unknownIdentifierDelayMs?: [number, number];
  /** Registration, recovery, settings, verification, browser flows and the courier (kratos.yml selfservice.*). */
  selfService?: SelfServiceOptions;
}

/** Loads the identity schema from a file, or the shipped default. */
export function loadSchemas(path: string | undefined): SchemaRegistry {
  const schema: unknown = path ? JSON.parse(readFileSync(path, "utf8")) : structuredClone(defaultIdentitySchema);
  if (!isObject(schema)) throw new Error(`identity schema ${path ?? "default"} is not a JSON object`);
  return new SchemaRegistry([{ id: "default", schema }]);
}

/** Turns options plus the bound URLs into the handlers' configuration. */
export function resolveConfig(
  opts: EmbeddedKratosOptions,
  urls: { publicBaseUrl: string; adminBaseUrl: string },
): KratosConfig {
  return {
    publicBaseUrl: urls.publicBaseUrl.replace(/\/+$/, ""),
    adminBaseUrl: urls.adminBaseUrl.replace(/\/+$/, ""),
    bcryptCost: opts.bcryptCost ?? 12,
    sessionLifespanMs: opts.sessionLifespanMs ?? 86_400_000,
    loginFlowLifespanMs: opts.loginFlowLifespanMs ?? 3_600_000,
    oidcProviders: opts.oidcProviders ?? [],
    unknownIdentifierDelayMs: opts.unknownIdentifierDelayMs ?? [0, 1000],
    schemas: loadSchemas(opts.identitySchemaPath),
    defaultSchemaId: "default",
    selfService: resolveSelfService(opts.selfService),
  };
}
