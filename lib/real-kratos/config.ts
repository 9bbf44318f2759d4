import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { kratosOidcConfig } from "@/lib/kratos-config";
import { ensureTrussHooks, type TrussHookTarget } from "@/lib/kratos-hooks-config";
import { parseProviders } from "@/lib/providers-config";
import { parseSchemaSpec } from "@/lib/embedded-kratos/config";

/*
 * The run's kratos.yml, written from the project's own sources: deploy/kratos/kratos.yml (rendered the way
 * compose's envsubst renders it), the OIDC block that `npm run kratos:config` prints, and the identity schema
 * deploy/ ships. Only what a local run must change is overridden: DSN, loopback URLs and ports, secrets.
 */
const repoRoot = path.resolve(import.meta.dirname, "../..");
export const deployKratosYml = path.join(repoRoot, "deploy/kratos/kratos.yml");
export const deployIdentitySchema = path.join(repoRoot, "deploy/kratos/identity.schema.json");

export interface RealKratosConfigOptions {
  dir: string;
  dsn: string;
  publicPort: number;
  adminPort: number;
  /** Dashboard URL for Kratos's return-URL allow-list. */
  trussPublicUrl?: string;
  bcryptCost?: number;
  /** Environment for the provider list and its ${VAR} references (KRATOS_OIDC_*). */
  env?: Record<string, string | undefined>;
  /** Turns Kratos's breached-password lookup off (no network on test machines). */
  offline?: boolean;
  /** KRATOS_IDENTITY_SCHEMA_FILE's form: a path, or `id=path,id=path`; default: deploy/'s identity schema. */
  identitySchemaSpec?: string;
  /** Extra keys merged last (tests: session lifespan, hooks). */
  overrides?: Record<string, unknown>;
  /**
   * Truss's POST /api/hooks/kratos and TRUSS_HOOK_SECRET: fills kratos.yml's ${TRUSS_HOOK_URL} / ${TRUSS_HOOK_SECRET}
   * and adds the web hook to method-specific after-hook lists (overrides') too. Unset: no web hooks at all.
   */
  trussHook?: TrussHookTarget;
}

/** envsubst semantics: every ${VAR} is replaced, unknown ones by "" (as compose's envsubst would). */
export function renderTemplate(text: string, values: Record<string, string | undefined>): string {
  return text
    .split("\n")
    .map((line) =>
      line.trim().startsWith("#") ? line : line.replace(/\$\{([A-Z0-9_]+)\}/g, (_, v: string) => values[v] ?? ""),
    )
    .join("\n");
}

/** The same substitution inside parsed values, so an unset ${VAR} stays the string "" (as Kratos's env form would). */
function substitute(value: unknown, values: Record<string, string | undefined>): unknown {
  if (typeof value === "string") return value.replace(/\$\{([A-Z0-9_]+)\}/g, (_, v: string) => values[v] ?? "");
  if (Array.isArray(value)) return value.map((v) => substitute(v, values));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, values)]));
  return value;
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] =
      v && typeof v === "object" && !Array.isArray(v) && b && typeof b === "object" && !Array.isArray(b)
        ? merge(b as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

const secret = () => crypto.randomBytes(16).toString("hex"); // 32 characters: what the cipher secret needs

/** Writes kratos.yml and identity.schema.json into opts.dir; returns the config path. */
export function writeRealKratosConfig(opts: RealKratosConfigOptions): string {
  fs.mkdirSync(opts.dir, { recursive: true });
  const env = opts.env ?? process.env;
  const publicUrl = `http://127.0.0.1:${opts.publicPort}`;
  const trussUrl = opts.trussPublicUrl ?? "http://127.0.0.1:8787";
  // Kratos reads the files where they are; copies keep the run's directory self-contained.
  const files = parseSchemaSpec(opts.identitySchemaSpec);
  const schemas = (files.length ? files : [{ id: "default", path: deployIdentitySchema }]).map((f, i) => {
    const copy = path.join(opts.dir, i === 0 && f.id === "default" ? "identity.schema.json" : `${f.id}.schema.json`);
    fs.copyFileSync(f.path, copy);
    return { id: f.id, url: `file://${copy}` };
  });
  const defaultSchemaId = schemas.some((x) => x.id === "default") ? "default" : schemas[0]!.id;
  const rendered = renderTemplate(fs.readFileSync(deployKratosYml, "utf8"), {
    ...env,
    KRATOS_DSN: opts.dsn,
    KRATOS_PUBLIC_BASE_URL: publicUrl,
    TRUSS_PUBLIC_URL: trussUrl,
    KRATOS_SECRET_DEFAULT: secret(),
    KRATOS_SECRET_COOKIE: secret(),
    KRATOS_SECRET_CIPHER: secret(),
    KRATOS_SMTP_URI: "smtp://127.0.0.1:1025/?disable_starttls=true",
    KRATOS_SMTP_FROM: "no-reply@truss.local",
    TRUSS_HOOK_URL: opts.trussHook?.url,
    TRUSS_HOOK_SECRET: opts.trussHook?.secret,
  });
  let doc = YAML.parse(rendered) as Record<string, unknown>;
  // The OIDC block exactly as `npm run kratos:config` renders it for this environment, ${VAR}s filled.
  const oidc = substitute(YAML.parse(kratosOidcConfig(parseProviders(env).providers, publicUrl).yaml), env) as Record<
    string,
    unknown
  >;
  doc = merge(doc, oidc); // arrays are replaced, so the provider list is exactly the generated one
  doc = merge(doc, {
    serve: {
      public: { base_url: `${publicUrl}/`, host: "127.0.0.1", port: opts.publicPort },
      admin: { base_url: `http://127.0.0.1:${opts.adminPort}/`, host: "127.0.0.1", port: opts.adminPort },
    },
    identity: { default_schema_id: defaultSchemaId, schemas },
    hashers: { algorithm: "bcrypt", bcrypt: { cost: opts.bcryptCost ?? 12 } },
    log: { level: "warning", format: "text", leak_sensitive_values: false },
  });
  if (opts.offline)
    doc = merge(doc, { selfservice: { methods: { password: { config: { haveibeenpwned_enabled: false } } } } });
  if (opts.overrides) doc = merge(doc, opts.overrides);
  // Every after-hook list (a method's own list hides the flow's global one) notifies Truss, or none does.
  doc = ensureTrussHooks(doc, opts.trussHook ?? null);
  const file = path.join(opts.dir, "kratos.yml");
  fs.writeFileSync(file, YAML.stringify(doc, { lineWidth: 0 }), { mode: 0o600 });
  return file;
}
