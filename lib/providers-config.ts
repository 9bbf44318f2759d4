import { z } from "zod";
import type { ProviderType } from "@/lib/schemas/provider";

/**
 * KRATOS_OIDC_PROVIDERS parsing, pure (env in, config out) so the server, the kratos:config script and
 * tests share it. Problems are reported by env var name, never with values.
 */
export const BUILT_IN: readonly ProviderType[] = ["google", "github", "discord", "apple", "microsoft"];
const KNOWN_TYPES = [...BUILT_IN, "generic"] as const;
const ID = /^[a-z][a-z0-9-]{0,31}$/;

const DEFAULT_SCOPES: Record<ProviderType, string[]> = {
  google: ["openid", "email", "profile"],
  github: ["user:email"],
  discord: ["identify", "email"],
  apple: ["email", "name"],
  microsoft: ["openid", "email", "profile"],
  generic: ["openid", "email", "profile"],
};
const LABELS: Record<ProviderType, string> = {
  google: "Google",
  github: "GitHub",
  discord: "Discord",
  apple: "Apple",
  microsoft: "Microsoft",
  generic: "",
};

export interface ProviderConfig {
  id: string;
  type: ProviderType;
  label: string;
  scopes: string[];
  issuerUrl: string | null;
  clientId: string | null;
  tenant: string | null;
  appleTeamId: string | null;
  applePrivateKeyId: string | null;
  /** Env var names holding secrets (referenced, never read into output). */
  secretVars: { clientSecret?: string; applePrivateKey?: string };
  missing: string[];
  errors: string[];
}

export const envPrefix = (id: string) => `KRATOS_OIDC_${id.toUpperCase().replace(/-/g, "_")}_`;

const httpsUrl = z.url().refine((u) => {
  const { protocol, hostname } = new URL(u);
  return protocol === "https:" || (protocol === "http:" && (hostname === "127.0.0.1" || hostname === "localhost"));
});

export function parseProviders(env: Record<string, string | undefined>): {
  providers: ProviderConfig[];
  errors: string[];
} {
  const errors: string[] = [];
  const ids = (env.KRATOS_OIDC_PROVIDERS ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const seen = new Set<string>();
  const providers: ProviderConfig[] = [];
  for (const id of ids) {
    if (!ID.test(id)) {
      errors.push(`KRATOS_OIDC_PROVIDERS: "${id}" is not a valid provider id (a-z, 0-9, -; at most 32 characters)`);
      continue;
    }
    if (seen.has(id)) {
      errors.push(`KRATOS_OIDC_PROVIDERS: "${id}" is listed twice`);
      continue;
    }
    seen.add(id);
    providers.push(parseOne(id, env));
  }
  return { providers, errors };
}

function parseOne(id: string, env: Record<string, string | undefined>): ProviderConfig {
  const p = envPrefix(id);
  const get = (k: string) => env[p + k]?.trim() || null;
  const missing: string[] = [];
  const errors: string[] = [];
  const require = (k: string) => {
    const v = get(k);
    if (!v) missing.push(p + k);
    return v;
  };
  // An id names its type when it is a built-in; `…_PROVIDER` can pick the type for any other id.
  const explicit = get("PROVIDER");
  let type: ProviderType = (BUILT_IN as readonly string[]).includes(id) ? (id as ProviderType) : "generic";
  if (explicit) {
    if ((KNOWN_TYPES as readonly string[]).includes(explicit)) type = explicit as ProviderType;
    else errors.push(`${p}PROVIDER: "${explicit}" is not a supported provider type (${KNOWN_TYPES.join(", ")})`);
  }
  const clientId = require("CLIENT_ID");
  const secretVars: ProviderConfig["secretVars"] = {};
  let issuerUrl: string | null = null;
  let tenant: string | null = null;
  let appleTeamId: string | null = null;
  let applePrivateKeyId: string | null = null;
  if (type === "apple") {
    appleTeamId = require("TEAM_ID");
    applePrivateKeyId = require("PRIVATE_KEY_ID");
    if (require("PRIVATE_KEY")) secretVars.applePrivateKey = `${p}PRIVATE_KEY`;
    if (get("CLIENT_SECRET"))
      errors.push(`${p}CLIENT_SECRET: Apple uses a private key, not a client secret; remove it`);
    if (appleTeamId && !/^[A-Z0-9]{10}$/.test(appleTeamId))
      errors.push(`${p}TEAM_ID: must be the 10-character Apple team id`);
  } else if (require("CLIENT_SECRET")) secretVars.clientSecret = `${p}CLIENT_SECRET`;
  if (type === "microsoft") {
    tenant = require("TENANT");
    if (tenant && !/^(common|organizations|consumers|[0-9a-f-]{36}|[\w.-]+\.onmicrosoft\.com)$/i.test(tenant))
      errors.push(`${p}TENANT: must be common, organizations, consumers, a tenant UUID or a *.onmicrosoft.com domain`);
  } else if (get("TENANT")) errors.push(`${p}TENANT: only Microsoft providers take a tenant`);
  if (type === "generic") {
    issuerUrl = require("ISSUER_URL");
    if (issuerUrl && !httpsUrl.safeParse(issuerUrl).success) {
      errors.push(`${p}ISSUER_URL: must be an https URL (http only for localhost)`);
    }
  }
  const scopes =
    get("SCOPES")
      ?.split(/[\s,]+/)
      .filter(Boolean) ?? DEFAULT_SCOPES[type];
  const label = get("LABEL") ?? (LABELS[type] || id.charAt(0).toUpperCase() + id.slice(1));
  return {
    id,
    type,
    label,
    scopes,
    issuerUrl: issuerUrl?.replace(/\/+$/, "") ?? null,
    clientId,
    tenant,
    appleTeamId,
    applePrivateKeyId,
    secretVars,
    missing,
    errors,
  };
}

export function providerStatus(p: ProviderConfig): "ready" | "incomplete" | "misconfigured" {
  return p.errors.length ? "misconfigured" : p.missing.length ? "incomplete" : "ready";
}
