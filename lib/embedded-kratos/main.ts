import { join } from "node:path";
import { startEmbeddedKratos } from "./index";
import { parseDuration } from "./http";

/** CLI for `npm run kratos`: configuration comes from the environment only. */
async function main(): Promise<void> {
  const env = process.env;
  const int = (name: string, def: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
    return n;
  };
  const lifespanRaw = env.EMBEDDED_KRATOS_SESSION_LIFESPAN;
  const sessionLifespanMs = lifespanRaw ? parseDuration(lifespanRaw) : undefined;
  if (lifespanRaw && sessionLifespanMs === undefined) {
    throw new Error(`EMBEDDED_KRATOS_SESSION_LIFESPAN must be a duration like "24h", got "${lifespanRaw}"`);
  }
  const dataDir = env.TRUSS_DATA_DIR || "./.data";
  const providers = (env.KRATOS_OIDC_PROVIDERS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((id) => ({ id }));
  // Kratos's web hooks to Truss (as kratos.yml's web_hook): both variables, or none.
  const hookUrl = env.TRUSS_HOOK_URL || undefined;
  const hookSecret = env.TRUSS_HOOK_SECRET || undefined;
  if (!hookUrl !== !hookSecret)
    console.warn("embedded kratos: web hooks off: set both TRUSS_HOOK_URL and TRUSS_HOOK_SECRET");
  const kratos = await startEmbeddedKratos({
    dataDir,
    publicPort: int("EMBEDDED_KRATOS_PUBLIC_PORT", 4433),
    adminPort: int("EMBEDDED_KRATOS_ADMIN_PORT", 4434),
    bcryptCost: int("EMBEDDED_KRATOS_BCRYPT_COST", 12),
    sessionLifespanMs,
    identitySchemaPath: env.KRATOS_IDENTITY_SCHEMA_FILE || undefined,
    oidcProviders: providers,
    selfService: {
      smtpUrl: env.EMBEDDED_KRATOS_SMTP_URL || undefined,
      smtpFrom: env.EMBEDDED_KRATOS_SMTP_FROM || undefined,
      defaultReturnUrl: env.TRUSS_PUBLIC_URL ? `${env.TRUSS_PUBLIC_URL.replace(/\/+$/, "")}/` : undefined,
    },
    webHook: hookUrl && hookSecret ? { url: hookUrl, secret: hookSecret } : undefined,
  });
  console.log(`embedded kratos public: ${kratos.publicUrl}`);
  console.log(`embedded kratos admin:  ${kratos.adminUrl}`);
  console.log(`embedded kratos data:   ${join(dataDir, "embedded-kratos.sqlite")}`);
  console.log(
    `embedded kratos mail:   ${env.EMBEDDED_KRATOS_SMTP_URL ? "SMTP + GET /admin/courier/messages" : "stored only: GET /admin/courier/messages"}`,
  );
  console.log(
    `embedded kratos hooks:  ${hookUrl ? `POST ${hookUrl}` : "off (set TRUSS_HOOK_URL and TRUSS_HOOK_SECRET)"}`,
  );
  const stop = (signal: string) => {
    console.log(`embedded kratos: ${signal}, shutting down`);
    kratos.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error("embedded kratos failed to start:", err);
  process.exit(1);
});
