import { readFileSync } from "node:fs";
import { defaultIdentitySchema } from "./default-identity-schema";
import type { KratosConfig } from "./deps";
import type { WebHookOptions } from "./hooks/web-hook";
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
  /** KRATOS_IDENTITY_SCHEMA_FILE: a path, or `id=path,id=path` for several; default: the email+password schema. */
  identitySchemaPath?: string;
  /** Rendered as oidc provider nodes in login flows. */
  oidcProviders?: { id: string; label?: string }[];
  /** Injectable clock. */
  now?: () => Date;
  /** Random delay range for unknown-identifier logins; default [0, 1000]. */
  unknownIdentifierDelayMs?: [number, number];
  /** Registration, recovery, settings, verification, browser flows and the courier (kratos.yml selfservice.*). */
  selfService?: SelfServiceOptions;
  /**
   * Kratos's web hooks: after registration, login, settings, recovery and verification, POST the flow's outcome
   * (event, identity_id, flow_id, session) to `url` with `secret` in X-Truss-Hook-Secret, never waiting for it.
   */
  webHook?: WebHookOptions;
}

/** Loads the identity schema from a file, or the shipped default. */
/**
 * KRATOS_IDENTITY_SCHEMA_FILE: one file (schema id "default"), or several as `id=path,id=path` (customers and staff
 * side by side). Kratos's default schema is "default" when listed, else the first.
 */
export function parseSchemaSpec(spec: string | undefined): { id: string; path: string }[] {
  if (!spec?.trim()) return [];
  const parts = spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 1 && !/^[\w.-]+=/.test(parts[0]!)) return [{ id: "default", path: parts[0]! }];
  return parts.map((p) => {
    const at = p.indexOf("=");
    if (at <= 0) throw new Error(`KRATOS_IDENTITY_SCHEMA_FILE: "${p}" is not id=path`);
    return { id: p.slice(0, at).trim(), path: p.slice(at + 1).trim() };
  });
}

export function loadSchemas(spec: string | undefined): SchemaRegistry {
  const files = parseSchemaSpec(spec);
  if (!files.length) return new SchemaRegistry([{ id: "default", schema: structuredClone(defaultIdentitySchema) }]);
  return new SchemaRegistry(
    files.map(({ id, path }) => {
      const schema: unknown = JSON.parse(readFileSync(path, "utf8"));
      if (!isObject(schema)) throw new Error(`identity schema ${path} is not a JSON object`);
      return { id, schema };
    }),
  );
}

export const defaultSchemaIdOf = (r: SchemaRegistry): string =>
  r.entries.some((e) => e.id === "default") ? "default" : (r.entries[0]?.id ?? "default");

/** Turns options plus the bound URLs into the handlers' configuration. */
export function resolveConfig(
  opts: EmbeddedKratosOptions,
  urls: { publicBaseUrl: string; adminBaseUrl: string },
): KratosConfig {
  const schemas = loadSchemas(opts.identitySchemaPath);
  return {
    publicBaseUrl: urls.publicBaseUrl.replace(/\/+$/, ""),
    adminBaseUrl: urls.adminBaseUrl.replace(/\/+$/, ""),
    bcryptCost: opts.bcryptCost ?? 12,
    sessionLifespanMs: opts.sessionLifespanMs ?? 86_400_000,
    loginFlowLifespanMs: opts.loginFlowLifespanMs ?? 3_600_000,
    oidcProviders: opts.oidcProviders ?? [],
    unknownIdentifierDelayMs: opts.unknownIdentifierDelayMs ?? [0, 1000],
    schemas,
    defaultSchemaId: defaultSchemaIdOf(schemas),
    selfService: resolveSelfService(opts.selfService),
    webHook: opts.webHook,
  };
}
