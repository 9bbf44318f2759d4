import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { startEmbeddedKratos } from "@/lib/embedded-kratos";
import { parseProviders } from "@/lib/providers-config";
import { startRealKratos } from "@/lib/real-kratos";
import { serveRoutes } from "@/lib/testing/route-server";
import { postgresBinDir, startTestPostgres } from "@/lib/testing/test-postgres";

export const ADMIN = { email: "admin@truss.test", password: "Adm1n-pass-for-tests" };

/** Which Kratos the integration suites run on: TRUSS_TEST_KRATOS=embedded (default), real, or real-postgres. */
export type Backend = "embedded" | "real" | "real-postgres";
export const backend: Backend = (() => {
  const v = process.env.TRUSS_TEST_KRATOS ?? "embedded";
  if (v !== "embedded" && v !== "real" && v !== "real-postgres")
    throw new Error(`TRUSS_TEST_KRATOS must be embedded, real or real-postgres, got "${v}"`);
  return v;
})();
export const onRealKratos = backend !== "embedded";

export interface KratosUnderTest {
  publicUrl: string;
  adminUrl: string;
  close(): Promise<void>;
}

/** Where Kratos's web hooks go (the app's POST /api/hooks/kratos over real HTTP) and the secret they carry. */
export interface HookTarget {
  url: string;
  secret: string;
}

export interface Harness {
  kratos: KratosUnderTest;
  backend: Backend;
  dataDir: string;
  /** Set when started with `{ hooks: true }`. */
  hooks?: HookTarget;
  close(): Promise<void>;
}

/** Starts the Kratos the run asked for; real Kratos gets the same providers and the test bcrypt cost. */
export interface EmbeddedTuning {
  bcryptCost?: number;
  unknownIdentifierDelayMs?: [number, number];
  /** Real Kratos only: keys merged last into its kratos.yml (e.g. registration for social sign-up). */
  kratosOverrides?: Record<string, unknown>;
  /** startHarness: serve POST /api/hooks/kratos over HTTP and have Kratos (embedded or real) call it. */
  hooks?: boolean;
  /** startKratosUnderTest: where Kratos's web hooks go (startHarness fills it when `hooks` is set). */
  hookTarget?: HookTarget;
}

export async function startKratosUnderTest(
  dataDir: string,
  env: Record<string, string> = {},
  tuning: EmbeddedTuning = {},
): Promise<KratosUnderTest> {
  const providerEnv = { ...process.env, ...env };
  if (backend === "embedded") {
    return startEmbeddedKratos({
      dataDir: path.join(dataDir, "kratos"),
      publicPort: 0,
      adminPort: 0,
      bcryptCost: tuning.bcryptCost ?? 4,
      unknownIdentifierDelayMs: tuning.unknownIdentifierDelayMs ?? [0, 0],
      identitySchemaPath: providerEnv.KRATOS_IDENTITY_SCHEMA_FILE,
      oidcProviders: parseProviders(providerEnv).providers.map((p) => ({ id: p.id, label: p.label })),
      webHook: tuning.hookTarget,
    });
  }
  let pg: Awaited<ReturnType<typeof startTestPostgres>> | undefined;
  let dsn: string | undefined;
  if (backend === "real-postgres") {
    const bin = postgresBinDir(() => undefined);
    if (!bin)
      throw new Error(
        "TRUSS_TEST_KRATOS=real-postgres needs PostgreSQL's server binaries (npm run setup:test installs them)",
      );
    pg = await startTestPostgres(bin);
    dsn = `${await pg.createDatabase("kratos")}?sslmode=disable`;
  }
  const k = await startRealKratos({
    dir: path.join(dataDir, "real-kratos"),
    dsn,
    bcryptCost: tuning.bcryptCost ?? 4,
    offline: true,
    env: providerEnv,
    identitySchemaSpec: providerEnv.KRATOS_IDENTITY_SCHEMA_FILE,
    overrides: tuning.kratosOverrides,
    trussHook: tuning.hookTarget,
  });
  return {
    publicUrl: k.publicUrl,
    adminUrl: k.adminUrl,
    async close() {
      await k.close();
      await pg?.stop();
    },
  };
}

/**
 * Starts an embedded Kratos on free ports with a temp TRUSS_DATA_DIR and points the app's env at it.
 * Call before importing any route module (env is parsed once per process).
 */
export async function startHarness(
  extraEnv: Record<string, string> = {},
  tuning: EmbeddedTuning = {},
): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-test-"));
  // Hooks: the receiving route listens before Kratos starts (real Kratos's config names its URL); the route module
  // is imported on the first hook, once env below is set.
  let hooks: HookTarget | undefined;
  let routes: Awaited<ReturnType<typeof serveRoutes>> | undefined;
  if (tuning.hooks) {
    const secret = randomBytes(32).toString("base64url"); // 43 characters
    process.env.TRUSS_HOOK_SECRET = secret;
    routes = await serveRoutes({ "/api/hooks/kratos": () => import("@/app/api/hooks/kratos/route") });
    hooks = { url: `${routes.url}/api/hooks/kratos`, secret };
  }
  const kratos = await startKratosUnderTest(dataDir, extraEnv, { ...tuning, hookTarget: tuning.hookTarget ?? hooks });
  Object.assign(process.env, {
    KRATOS_PUBLIC_URL: kratos.publicUrl,
    KRATOS_ADMIN_URL: kratos.adminUrl,
    TRUSS_DATA_DIR: dataDir,
    TRUSS_SESSION_SECRET: "test-secret-that-is-at-least-32-characters-long",
    TRUSS_ADMIN_EMAIL: ADMIN.email,
    TRUSS_ADMIN_PASSWORD: ADMIN.password,
    TRUSS_LOGIN_FAILURE_MIN_MS: "0", // the timing test sets its own
    TRUSS_INDEX_RECONCILE_SECONDS: "0", // no background passes: a test that seeds Kratos directly calls reconcileOnce()
    ...extraEnv,
  });
  // An empty value in extraEnv means "unset" (e.g. no bootstrap admin).
  for (const [k, v] of Object.entries(extraEnv)) if (v === "") delete process.env[k];
  return {
    kratos,
    backend,
    dataDir,
    hooks,
    async close() {
      await kratos.close();
      await routes?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// What `npm start` (scripts/server.mjs) does: the socket address arrives in this header, set by the server.
(globalThis as { __trussSocketAddressHeader?: string }).__trussSocketAddressHeader = "x-truss-client-ip";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls an exported route handler the way Next does. */
export async function call(
  handler: Handler,
  url: string,
  init: {
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
    params?: Record<string, string>;
    rawBody?: string;
  } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const headers: Record<string, string> = { host: "127.0.0.1:8787", "x-truss-client-ip": "127.0.0.1", ...init.headers };
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new NextRequest(new URL(url, "http://127.0.0.1:8787"), { method: init.method ?? "GET", headers, body });
  const res = await handler(req, { params: Promise.resolve(init.params ?? {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* keep text */
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** The `truss_session=…` pair from a Set-Cookie header, ready for a Cookie header. */
export function cookieFrom(res: { headers: Headers }): string {
  const set = res.headers.get("set-cookie") ?? "";
  return set.split(";")[0] ?? "";
}

/** Runs the app's boot (bootstrap admin) and signs that admin in; returns the Cookie header value. */
export async function bootAndSignIn(): Promise<string> {
  const { boot } = await import("@/lib/server/boot");
  const login = await import("@/app/api/auth/login/route");
  await boot();
  return cookieFrom(await call(login.POST, "/api/auth/login", { method: "POST", body: ADMIN }));
}
