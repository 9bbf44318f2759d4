import "server-only";
import path from "node:path";
import { z } from "zod";
import { parseProviders } from "@/lib/providers-config";
import { sharedEnvShape, url } from "@/lib/shared-config";

const optionalString = z.string().trim().min(1).optional().catch(undefined);

/** Every env var the server reads, validated once; a bad value stops boot with a message naming it. */
export const envSchema = z
  .object({
    ...sharedEnvShape,
    PORT: z.coerce.number().int().min(1).max(65535).default(8787),
    // The address npm start binds (scripts/server.mjs reads it too); the embedded Kratos's web hooks call it.
    HOST: z.string().trim().min(1).default("127.0.0.1").catch("127.0.0.1"),
    KRATOS_PUBLIC_URL: url.optional(),
    KRATOS_ADMIN_URL: url.optional(),
    KRATOS_ADMIN_TOKEN: optionalString,
    KRATOS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    KRATOS_IDENTITY_SCHEMA_ID: z.string().trim().min(1).optional(),
    DATABASE_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    // How many reverse proxies in front append to X-Forwarded-For: false/0 (none), true (1), or a number.
    TRUSS_TRUST_PROXY: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === "" || v === "false" ? 0 : v === "true" ? 1 : Number(v)))
      .pipe(z.number({ error: "must be false, true or a number of proxies (1-5)" }).int().min(0).max(5)),
    TRUSS_ADMIN_EMAIL: z.email().optional(),
    TRUSS_ADMIN_PASSWORD: z.string().min(1).optional(),
    // Failed sign-ins answer no sooner than this, so timing never tells whether an account exists (Kratos sleeps
    // 0–1 s for unknown identifiers and pays a hash for known ones; 2 s leaves room for a loaded machine).
    TRUSS_LOGIN_FAILURE_MIN_MS: z.coerce.number().int().min(0).max(10_000).default(2000),
    // Sensitive actions (keys, password resets, admin roles, deletions) need a password entered this recently.
    TRUSS_REAUTH_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    // The identity index's reconciler: seconds between full passes over Kratos (0: never), and its Kratos call rate.
    TRUSS_INDEX_RECONCILE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
    TRUSS_INDEX_RECONCILE_RPS: z.coerce.number().min(0.1).max(100).default(5),
    // Shared with Kratos's web_hook actions (header X-Truss-Hook-Secret); the embedded Kratos gets one per start.
    TRUSS_HOOK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    EMBEDDED_KRATOS_PUBLIC_PORT: z.coerce.number().int().min(0).max(65535).default(4433),
    EMBEDDED_KRATOS_ADMIN_PORT: z.coerce.number().int().min(0).max(65535).default(4434),
    EMBEDDED_KRATOS_BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
    EMBEDDED_KRATOS_SESSION_LIFESPAN: z
      .string()
      .regex(/^\d+(ms|s|m|h)$/, 'must be a duration like "24h", "90m" or "3600s"')
      .optional(),
    KRATOS_IDENTITY_SCHEMA_FILE: z.string().min(1).optional(),
    // The embedded Kratos's courier: stored always (GET /admin/courier/messages, the Messages page); also sent by SMTP.
    EMBEDDED_KRATOS_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    EMBEDDED_KRATOS_SMTP_FROM: z.email().optional(),
    KRATOS_OIDC_PROVIDERS: z.string().default(""),
  })
  .transform((e) => ({ ...e, TRUSS_DATA_DIR: path.resolve(e.TRUSS_DATA_DIR) }))
  .refine((e) => !!e.KRATOS_PUBLIC_URL === !!e.KRATOS_ADMIN_URL, {
    message: "KRATOS_PUBLIC_URL and KRATOS_ADMIN_URL must be set together (or both left unset for the embedded Kratos)",
    path: ["KRATOS_ADMIN_URL"],
  })
  .refine((e) => !!e.TRUSS_ADMIN_EMAIL === !!e.TRUSS_ADMIN_PASSWORD, {
    message: "TRUSS_ADMIN_EMAIL and TRUSS_ADMIN_PASSWORD must be set together",
    path: ["TRUSS_ADMIN_PASSWORD"],
  });
export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** A configuration problem the server must not start with: instrumentation exits non-zero on it. */
export class StartupError extends Error {
  override name = "StartupError";
}

/** Parses process.env on first use; throws one readable message listing every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new StartupError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

let providers: ReturnType<typeof parseProviders> | undefined;

/**
 * KRATOS_OIDC_PROVIDERS and each provider's KRATOS_OIDC_<ID>_* settings, parsed once (the only reader). A bad
 * provider never stops the app: it shows as misconfigured or incomplete, by variable name, never by value.
 */
export function providerEnv(): ReturnType<typeof parseProviders> {
  return (providers ??= parseProviders(process.env));
}

/** True when real Kratos URLs are configured; otherwise the app runs the embedded Kratos. */
export function usesEmbeddedKratos(): boolean {
  return !env().KRATOS_PUBLIC_URL;
}
