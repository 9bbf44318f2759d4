import "server-only";
import { parseDuration, startEmbeddedKratos, type EmbeddedKratos } from "@/lib/embedded-kratos";
import { env, providerEnv } from "@/lib/server/env";
import { hookSecret } from "@/lib/server/http/hook-auth";

interface Registry {
  embedded?: Promise<EmbeddedKratos>;
}
// One embedded Kratos per process, even when Next loads this module in several bundles.
const registry = ((globalThis as { __trussKratos?: Registry }).__trussKratos ??= {});

/**
 * This server as a process on the same machine reaches it: loopback when it listens on every address, else the one
 * address it is bound to (a server bound to 10.0.0.5 or 127.0.0.2 does not answer on 127.0.0.1).
 */
export function ownBaseUrl(host: string, port: number): string {
  const h = host.replace(/^\[(.*)\]$/, "$1");
  if (h === "0.0.0.0" || h === "::") return `http://127.0.0.1:${port}`;
  return `http://${h.includes(":") ? `[${h}]` : h}:${port}`;
}

/** Starts the embedded Kratos once (no-op when real Kratos URLs are configured). */
export function ensureEmbeddedKratos(): Promise<EmbeddedKratos> {
  const e = env();
  const secret = hookSecret();
  const started = (registry.embedded ??= startEmbeddedKratos({
    dataDir: e.TRUSS_DATA_DIR,
    publicPort: e.EMBEDDED_KRATOS_PUBLIC_PORT,
    adminPort: e.EMBEDDED_KRATOS_ADMIN_PORT,
    bcryptCost: e.EMBEDDED_KRATOS_BCRYPT_COST,
    oidcProviders: providerEnv().providers.map((p) => ({ id: p.id, label: p.label })),
    // The same self-service settings npm run kratos reads (one rule each, parsed in env.ts).
    selfService: {
      smtpUrl: e.EMBEDDED_KRATOS_SMTP_URL,
      smtpFrom: e.EMBEDDED_KRATOS_SMTP_FROM,
      defaultReturnUrl: e.TRUSS_PUBLIC_URL ? `${e.TRUSS_PUBLIC_URL}/` : undefined,
    },
    identitySchemaPath: e.KRATOS_IDENTITY_SCHEMA_FILE, // relative paths resolve against the working directory
    sessionLifespanMs: e.EMBEDDED_KRATOS_SESSION_LIFESPAN
      ? parseDuration(e.EMBEDDED_KRATOS_SESSION_LIFESPAN)
      : undefined,
    // Kratos's web hooks, as deploy/kratos/kratos.yml configures real Kratos: this process's own hook endpoint.
    webHook: secret ? { url: `${ownBaseUrl(e.HOST, e.PORT)}/api/hooks/kratos`, secret } : undefined,
  }).catch((err: unknown) => {
    registry.embedded = undefined;
    throw err;
  }));
  return started;
}

/** Where Kratos lives: the configured URLs, or the embedded server's. */
export async function kratosUrls(): Promise<{ publicUrl: string; adminUrl: string; embedded: boolean }> {
  const e = env();
  if (e.KRATOS_PUBLIC_URL && e.KRATOS_ADMIN_URL)
    return { publicUrl: e.KRATOS_PUBLIC_URL, adminUrl: e.KRATOS_ADMIN_URL, embedded: false };
  const k = await ensureEmbeddedKratos();
  return { publicUrl: k.publicUrl, adminUrl: k.adminUrl, embedded: true };
}
