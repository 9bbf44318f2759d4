import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { hashSync } from "@node-rs/bcrypt";
import { startEmbeddedKratos } from "@/lib/embedded-kratos";
import { canRunPostgres, postgresBinDir, startTestPostgres, type TestPostgres } from "@/lib/testing/test-postgres";
import { freePort } from "@/scripts/free-port.mjs";
import { migrateIdentities } from "@/scripts/migrate-to-kratos";

/*
 * deploy/ checked by the real binaries, on loopback, without Docker:
 *   1. deploy/kratos/kratos.yml is rendered exactly as docker-compose.yml's kratos-config service renders it: the
 *      `envsubst '<list>'` command and the environment block are read from the compose file, the values come from
 *      deploy/.env.example with the blanks filled (secrets) and loopback URLs, and deploy/postgres/init-databases.sh
 *      creates the kratos role and database on a throwaway PostgreSQL.
 *   2. Only what a loopback run needs is changed afterwards (LOOPBACK_CHANGES below; the test asserts nothing else
 *      differs), then `kratos migrate sql -e --yes` and `kratos serve --watch-courier` run as compose runs them.
 *   3. deploy/nginx/kratos-admin.conf.template's admin-token gate runs in Debian's nginx in front of that Kratos.
 * Needs KRATOS_BIN (npm test's real-Kratos tier sets it), PostgreSQL's server binaries, envsubst and nginx
 * (`npm run setup:test` installs the last three). Nothing is installed here: missing pieces skip, with the reason.
 */
const root = path.resolve(import.meta.dirname, "..");
const read = (p: string) => fs.readFileSync(path.join(root, p), "utf8");
const onPath = (name: string, extra: string[] = []) =>
  [...extra, ...(process.env.PATH ?? "").split(":")].map((d) => path.join(d, name)).find((f) => fs.existsSync(f)) ??
  null;
const hasPostgres = canRunPostgres();
const KRATOS_BIN = process.env.KRATOS_BIN;
const ENVSUBST = onPath("envsubst");
const PSQL = onPath("psql");
const NGINX = onPath("nginx", ["/usr/sbin"]);

const kratosSkip = !KRATOS_BIN
  ? "KRATOS_BIN is not set; npm test's real-Kratos tier sets it"
  : !hasPostgres || !PSQL
    ? "PostgreSQL's server binaries or psql are missing (npm run setup:test)"
    : !ENVSUBST
      ? "envsubst is missing (gettext-base; npm run setup:test)"
      : null;
const nginxSkip = kratosSkip ?? (NGINX ? null : "nginx is not installed (npm run setup:test)");
// Child processes get only what they need (this project's ProcessEnv type also names the app's variables).
const childEnv = (e: Record<string, string | undefined>) => e as unknown as NodeJS.ProcessEnv;
const named = (name: string, skip: string | null) => (skip ? `${name} [skipped: ${skip}]` : name);

/**
 * The only keys a loopback run changes in the rendered kratos.yml, and why. Everything else (hashers at bcrypt
 * cost 12, HIBP on with ignore_network_errors, flows, OIDC block, secrets, courier, log) runs as shipped.
 */
const LOOPBACK_CHANGES = [
  "serve.public.port", // 4433 may be taken on a shared machine (and parallel test runs): a free port
  "serve.public.host", // containers bind every interface; here 127.0.0.1 only
  "serve.admin.port", // 4434: as above
  "serve.admin.host", // as above: the admin API never leaves loopback
  "serve.admin.base_url", // http://kratos:4434/ names the compose service, which does not resolve here
  "identity.schemas.0.url", // file:///etc/config/kratos/… is the compose volume mount; the same schema file is copied to the run's dir
];

type Compose = { services: Record<string, { command?: string | string[]; environment?: Record<string, string> }> };
const compose = YAML.parse(read("deploy/docker-compose.yml")) as Compose;

/** deploy/.env.example as compose would read deploy/.env. */
function dotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** Compose's interpolation of an environment value: ${VAR}, ${VAR:-default}, ${VAR:?error}; $$ is a literal $. */
function interpolate(value: string, env: Record<string, string>): string {
  return value
    .replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
      const v = env[name] ?? "";
      if (op === "?" && !v) throw new Error(`compose would refuse to start: ${arg ?? name}`);
      return op === "-" && !v ? (arg ?? "") : v;
    })
    .replace(/\$\$/g, "$");
}

/** Every dotted path at which two parsed YAML documents differ. */
function diffPaths(a: unknown, b: unknown, at = ""): string[] {
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      diffPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k),
    );
  }
  return Object.is(a, b) ? [] : [at];
}

/** Polls until the URL answers (with 2xx when opts.ok); throws with the process's output if it exits first. */
async function waitFor(
  url: string,
  child: ChildProcess,
  logs: () => string,
  opts: { ok?: boolean } = {},
): Promise<Response> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode}):\n${logs()}`);
    const r = await fetch(url, { signal: AbortSignal.timeout(1000) }).catch(() => null);
    if (r && (r.ok || !opts.ok)) return r;
    await new Promise((r) => setTimeout(r, 100)); // polling a port that is not listening yet (no fixed wait)
  }
  throw new Error(`${url} did not answer within 60 s:\n${logs()}`);
}

function spawnLogged(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  let output = "";
  const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (b: Buffer) => (output = (output + b.toString()).slice(-100_000)));
  child.stderr?.on("data", (b: Buffer) => (output = (output + b.toString()).slice(-100_000)));
  const kill = () => child.exitCode === null && child.kill("SIGKILL");
  process.once("exit", kill);
  const stop = async () => {
    process.off("exit", kill);
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    kill();
  };
  return { child, logs: () => output, stop };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-deploy-real-"));
const secret = () => crypto.randomBytes(16).toString("hex"); // 32 characters, as .env.example asks
const USER = { email: "deploy-check@example.com", password: "Deploy-check-pass-2026" };
let pg: TestPostgres | undefined;
let kratos: ReturnType<typeof spawnLogged> | undefined;
let nginx: ReturnType<typeof spawnLogged> | undefined;
let publicUrl = "";
let adminPort = 0;
let adminToken = "";
let gateUrl = ""; // the nginx gate, once the gate test has started it

let pgPort = "";
let dsnEnv = ""; // kratos-migrate's DSN, on loopback
const serveArgs = (configFile: string) =>
  [compose.services.kratos!.command].flat().map((a) => (a === "/etc/config/kratos/kratos.yml" ? configFile : a!));
const baseEnv = () => childEnv({ PATH: process.env.PATH, HOME: dir });

/** The compose network's hostname "postgres" is the throwaway server here (same role, password and database). */
const onLoopback = (dsn: string) => dsn.replace("@postgres:5432/", `@127.0.0.1:${pgPort}/`);

/**
 * kratos-config's work: its environment block (compose interpolation of the .env values), then its own envsubst
 * command on deploy/kratos/kratos.yml, and the schema copied beside it; then LOOPBACK_CHANGES and nothing else.
 */
function renderKratosYml(env: Record<string, string>, ports: { public: number; admin: number }, name: string): string {
  const svc = compose.services["kratos-config"]!;
  const command = [svc.command].flat().join(" ");
  const shellFormat = /envsubst '([^']+)'/.exec(command)?.[1]?.replace(/\$\$/g, "$");
  expect(shellFormat, "kratos-config runs envsubst with a variable list").toBeTruthy();
  const renderEnv = Object.fromEntries(Object.entries(svc.environment ?? {}).map(([k, v]) => [k, interpolate(v, env)]));
  renderEnv.KRATOS_DSN = onLoopback(renderEnv.KRATOS_DSN!);
  const rendered = spawnSync(ENVSUBST!, [shellFormat!], {
    input: read("deploy/kratos/kratos.yml"),
    env: childEnv({ PATH: process.env.PATH, ...renderEnv }),
    encoding: "utf8",
  });
  expect(rendered.status, rendered.stderr).toBe(0);
  // Every variable the file uses was in the list (comments may still say "${VAR}").
  expect(
    rendered.stdout
      .split("\n")
      .filter((l) => !l.trim().startsWith("#"))
      .join("\n"),
  ).not.toMatch(/\$\{[A-Z0-9_]+\}/);
  fs.copyFileSync(path.join(root, "deploy/kratos/identity.schema.json"), path.join(dir, "identity.schema.json")); // "cp … /config/"

  const shipped = YAML.parse(rendered.stdout) as Record<string, Record<string, Record<string, unknown>>>;
  const doc = YAML.parse(rendered.stdout) as typeof shipped;
  Object.assign(doc.serve!.public!, { port: ports.public, host: "127.0.0.1" });
  Object.assign(doc.serve!.admin!, {
    port: ports.admin,
    host: "127.0.0.1",
    base_url: `http://127.0.0.1:${ports.admin}/`,
  });
  (doc.identity!.schemas as unknown as { url: string }[])[0]!.url = `file://${path.join(dir, "identity.schema.json")}`;
  expect(diffPaths(shipped, doc).sort()).toEqual([...LOOPBACK_CHANGES].sort());
  const file = path.join(dir, name);
  fs.writeFileSync(file, YAML.stringify(doc, { lineWidth: 0 }), { mode: 0o600 });
  return file;
}

/** deploy/.env.example with its blanks filled, plus the loopback values (values only, not config changes). */
async function dotenvForLoopback(): Promise<Record<string, string>> {
  return {
    ...dotenv(read("deploy/.env.example")),
    POSTGRES_PASSWORD: secret(),
    KRATOS_DB_PASSWORD: secret(),
    TRUSS_DB_PASSWORD: secret(),
    KRATOS_SECRET_DEFAULT: secret(),
    KRATOS_SECRET_COOKIE: secret(),
    KRATOS_SECRET_CIPHER: secret(),
    KRATOS_ADMIN_TOKEN: secret(),
    TRUSS_SESSION_SECRET: secret() + secret(),
    TRUSS_HOOK_SECRET: secret() + secret(), // TRUSS_HOOK_URL keeps the example's truss:8787: nobody answers, no sign-in waits
    TRUSS_PUBLIC_URL: "http://127.0.0.1:8787",
    KRATOS_SMTP_URI: `smtp://127.0.0.1:${await freePort()}/?disable_starttls=true`, // nothing is mailed; never leaves loopback
  };
}

beforeAll(async () => {
  if (kratosSkip) return;
  // PostgreSQL with deploy/postgres/init-databases.sh applied, as the postgres container's first start does.
  pg = await startTestPostgres(postgresBinDir()!);
  pgPort = new URL(await pg.createDatabase("probe")).port;
  const env = await dotenvForLoopback();
  const init = spawnSync("sh", [path.join(root, "deploy/postgres/init-databases.sh")], {
    env: childEnv({
      PATH: process.env.PATH,
      POSTGRES_USER: "postgres",
      PGHOST: "127.0.0.1",
      PGPORT: pgPort,
      KRATOS_DB_PASSWORD: env.KRATOS_DB_PASSWORD,
      TRUSS_DB_PASSWORD: env.TRUSS_DB_PASSWORD,
    }),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (init.status !== 0) throw new Error(`init-databases.sh failed:\n${init.stdout}${init.stderr}`);

  const ports = { public: await freePort(), admin: await freePort() };
  adminPort = ports.admin;
  publicUrl = `http://127.0.0.1:${ports.public}`;
  // The shipped kratos.yml enables the Google and GitHub providers, so a deploy that keeps them sets their client
  // ids and secrets in deploy/.env; placeholders here (no OIDC login is attempted). Left empty, see the next test.
  const configFile = renderKratosYml(
    {
      ...env,
      KRATOS_PUBLIC_BASE_URL: publicUrl,
      KRATOS_OIDC_GOOGLE_CLIENT_ID: "loopback-google-client",
      KRATOS_OIDC_GOOGLE_CLIENT_SECRET: secret(),
      KRATOS_OIDC_GITHUB_CLIENT_ID: "loopback-github-client",
      KRATOS_OIDC_GITHUB_CLIENT_SECRET: secret(),
    },
    ports,
    "kratos.yml",
  );

  // kratos-migrate, then kratos, with their compose commands and environment.
  const migrateSvc = compose.services["kratos-migrate"]!;
  const migrateArgs = [migrateSvc.command].flat().map((a) => (a === "/etc/config/kratos/kratos.yml" ? configFile : a!));
  dsnEnv = onLoopback(interpolate(migrateSvc.environment!.DSN!, env));
  const migrate = spawnSync(KRATOS_BIN!, migrateArgs, {
    env: childEnv({ ...baseEnv(), DSN: dsnEnv }),
    encoding: "utf8",
    timeout: 180_000,
  });
  if (migrate.status !== 0)
    throw new Error(`kratos ${migrateArgs.join(" ")} failed:\n${migrate.stdout}${migrate.stderr}`);
  kratos = spawnLogged(KRATOS_BIN!, serveArgs(configFile), baseEnv());
  await waitFor(`http://127.0.0.1:${adminPort}/health/ready`, kratos.child, kratos.logs, { ok: true });
  await waitFor(`${publicUrl}/health/ready`, kratos.child, kratos.logs, { ok: true });
  adminToken = env.KRATOS_ADMIN_TOKEN!; // what the proxy service gets from deploy/.env
}, 240_000);

afterAll(async () => {
  await nginx?.stop();
  await kratos?.stop();
  await pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("deploy/ on the real binaries (loopback)", () => {
  it.skipIf(kratosSkip !== null)(
    named(
      "kratos.yml as compose renders it: migrate sql on PostgreSQL, serve, ready, admin create + native login",
      kratosSkip,
    ),
    async () => {
      const admin = `http://127.0.0.1:${adminPort}`;
      expect((await fetch(`${admin}/health/ready`)).status).toBe(200);
      expect(((await (await fetch(`${admin}/version`)).json()) as { version: string }).version).toBe("v26.2.0");
      const created = await fetch(`${admin}/admin/identities`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          schema_id: "default",
          traits: { email: USER.email, name: { first: "Deploy" } },
          credentials: { password: { config: { password: USER.password } } },
        }),
      });
      expect(created.status, await created.clone().text()).toBe(201);
      const identity = (await created.json()) as { id: string };
      const full = (await (
        await fetch(`${admin}/admin/identities/${identity.id}?include_credential=password`)
      ).json()) as { credentials: { password: { config: { hashed_password: string } } } };
      expect(full.credentials.password.config.hashed_password).toMatch(/^\$2a\$12\$/); // the shipped hasher: bcrypt cost 12

      const flow = (await (await fetch(`${publicUrl}/self-service/login/api`)).json()) as { id: string };
      const login = await fetch(`${publicUrl}/self-service/login?flow=${flow.id}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ method: "password", identifier: USER.email, password: USER.password }),
      });
      expect(login.status, await login.clone().text()).toBe(200);
      const { session_token } = (await login.json()) as { session_token: string };
      const whoami = await fetch(`${publicUrl}/sessions/whoami`, { headers: { "x-session-token": session_token } });
      expect(whoami.status).toBe(200);
      expect(((await whoami.json()) as { identity: { id: string } }).identity.id).toBe(identity.id);
    },
    60_000,
  );

  // deploy/.env.example leaves KRATOS_OIDC_* empty and compose defaults them to "". The generated OIDC block quotes
  // every ${VAR}, so they render as "" (strings Kratos accepts); unquoted they rendered as YAML null and Kratos refused.
  it.skipIf(kratosSkip !== null)(
    named('with KRATOS_OIDC_* unset (compose\'s default ""), kratos serve accepts the rendered config', kratosSkip),
    async () => {
      const env = await dotenvForLoopback();
      const oidc = [
        "KRATOS_OIDC_GOOGLE_CLIENT_ID",
        "KRATOS_OIDC_GOOGLE_CLIENT_SECRET",
        "KRATOS_OIDC_GITHUB_CLIENT_ID",
        "KRATOS_OIDC_GITHUB_CLIENT_SECRET",
      ];
      expect(oidc.map((k) => env[k])).toEqual(["", "", "", ""]);
      const ports = { public: await freePort(), admin: await freePort() };
      const file = renderKratosYml(
        { ...env, KRATOS_PUBLIC_BASE_URL: `http://127.0.0.1:${ports.public}` },
        ports,
        "kratos-oidc-unset.yml",
      );
      const proc = spawnLogged(KRATOS_BIN!, serveArgs(file), baseEnv());
      try {
        const outcome = await Promise.race([
          new Promise<string>((r) => proc.child.once("exit", () => r("exited"))),
          waitFor(`http://127.0.0.1:${ports.admin}/health/ready`, proc.child, proc.logs, { ok: true }).then(
            () => "ready",
          ),
        ]);
        expect(outcome, proc.logs()).toBe("ready");
      } finally {
        await proc.stop();
      }
    },
    60_000,
  );

  /*
   * The template is loaded as the nginx image loads it: envsubst of ${KRATOS_ADMIN_TOKEN} only
   * (NGINX_ENVSUBST_FILTER), inside http {} (conf.d). Debian 12's nginx is 1.22: the template's dashboard
   * balancer (`server truss:8787 resolve;` in an upstream) needs nginx ≥ 1.27.3 and Docker's DNS (127.0.0.11),
   * so this test loads the admin-token gate exactly as shipped (the :4434 server) and leaves the
   * dashboard upstream/resolver/server out. Loopback changes: `listen 4434` → a free 127.0.0.1 port and
   * `proxy_pass http://kratos:4434` → the loopback Kratos admin port; pid, logs and temp paths in a temp dir.
   */
  it.skipIf(nginxSkip !== null)(
    named(
      "nginx admin-token gate: 401 without or with a wrong token, Kratos admin with the right Bearer token",
      nginxSkip,
    ),
    async () => {
      const token = adminToken;
      const ngxDir = path.join(dir, "nginx");
      fs.mkdirSync(ngxDir, { recursive: true });
      const r = spawnSync(ENVSUBST!, ["${KRATOS_ADMIN_TOKEN}"], {
        input: read("deploy/nginx/kratos-admin.conf.template"),
        env: childEnv({ PATH: process.env.PATH, KRATOS_ADMIN_TOKEN: token }),
        encoding: "utf8",
      });
      expect(r.status).toBe(0);
      const rendered = r.stdout;
      expect(rendered).toContain(`if ($http_authorization != "Bearer ${token}")`);
      const cut = rendered.indexOf("\nupstream truss {");
      expect(cut).toBeGreaterThan(0);
      const dashboardPart = rendered.slice(cut);
      expect(dashboardPart).toMatch(/server truss:8787 resolve;[\s\S]*listen 8080;[\s\S]*proxy_pass http:\/\/truss;/);
      const gatePart = rendered.slice(0, rendered.length - dashboardPart.length);
      expect(gatePart.match(/listen 4434;/g)).toHaveLength(1);
      expect(gatePart.match(/proxy_pass http:\/\/kratos:4434;/g)).toHaveLength(1);
      const port = await freePort();
      const gate = gatePart
        .replace("listen 4434;", `listen 127.0.0.1:${port};`)
        .replace("proxy_pass http://kratos:4434;", `proxy_pass http://127.0.0.1:${adminPort};`);
      fs.writeFileSync(path.join(ngxDir, "gate.conf"), gate);
      const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
        .map((t) => `${t}_temp_path ${path.join(ngxDir, t)};`)
        .join(" ");
      const main = (include: string) =>
        `daemon off; master_process off; pid ${path.join(ngxDir, "nginx.pid")}; error_log ${path.join(ngxDir, "error.log")} warn;\n` +
        `events { worker_connections 64; }\nhttp { access_log off; ${temp} include ${include}; }\n`;
      fs.writeFileSync(path.join(ngxDir, "nginx.conf"), main(path.join(ngxDir, "gate.conf")));
      const nginxArgs = (conf: string) => [
        "-p",
        ngxDir,
        "-e",
        path.join(ngxDir, "error.log"),
        "-c",
        path.join(ngxDir, conf),
      ];

      // The whole template, as shipped, against this nginx: on < 1.27.3 it stops at `resolve`.
      const nginxVersion = /nginx\/(\d+)\.(\d+)\.(\d+)/
        .exec(spawnSync(NGINX!, ["-v"], { encoding: "utf8" }).stderr)!
        .slice(1)
        .map(Number);
      const tooOld = nginxVersion[0]! * 1e6 + nginxVersion[1]! * 1e3 + nginxVersion[2]! < 1_027_003;
      fs.writeFileSync(path.join(ngxDir, "full.conf"), main(path.join(ngxDir, "all.conf")));
      fs.writeFileSync(path.join(ngxDir, "all.conf"), gate + dashboardPart);
      const full = spawnSync(NGINX!, ["-t", ...nginxArgs("full.conf")], { encoding: "utf8" });
      if (tooOld) expect(full.stderr).toMatch(/invalid parameter "resolve"/);

      const check = spawnSync(NGINX!, ["-t", ...nginxArgs("nginx.conf")], { encoding: "utf8" });
      expect(check.status, check.stderr).toBe(0);
      nginx = spawnLogged(NGINX!, nginxArgs("nginx.conf"), childEnv({ PATH: process.env.PATH }));
      const url = `http://127.0.0.1:${port}/admin/identities`;
      const none = await waitFor(url, nginx.child, nginx.logs);
      expect(none.status).toBe(401);
      expect(await none.json()).toEqual({
        error: { code: 401, status: "Unauthorized", message: "missing or wrong admin token" },
      });
      for (const authorization of [
        "Bearer wrong-token",
        `Bearer ${token}x`,
        `Bearer ${token.slice(0, -1)}`,
        token,
        `Basic ${token}`,
        `Bearer  ${token}`,
      ]) {
        const res = await fetch(url, { headers: { authorization } });
        expect(res.status, authorization.replace(token, "<token>")).toBe(401);
        await res.arrayBuffer();
      }
      expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(401); // every admin path is gated
      // The comparison is exact and case-sensitive (an nginx map's string keys would ignore case).
      const upper = token.toUpperCase();
      expect(upper).not.toBe(token);
      expect((await fetch(url, { headers: { authorization: `BEARER ${upper}` } })).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: `Bearer ${upper}` } })).status).toBe(401);
      const ok = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      // Kratos's own answer, passed through: the same list the admin port gives directly.
      expect(await ok.json()).toEqual(await (await fetch(`http://127.0.0.1:${adminPort}/admin/identities`)).json());
      const version = await fetch(`http://127.0.0.1:${port}/version`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await version.json()) as { version: string }).version).toBe("v26.2.0");
      gateUrl = `http://127.0.0.1:${port}`;
    },
    60_000,
  );

  // The path README's "Moving users" takes: npm run migrate:kratos with --to-token, through the gate. 1,000 users
  // with 5 KB of metadata each make a 5 MB batch, over the template's client_max_body_size 4m: nginx answers 413
  // and the script halves the batch.
  it.skipIf(nginxSkip !== null)(
    named(
      "migrate:kratos through the gate with --to-token (a 413 from nginx halves the batch); a wrong token moves nothing",
      nginxSkip,
    ),
    async () => {
      expect(gateUrl, "the gate test started nginx").not.toBe("");
      const from = await startEmbeddedKratos({
        dataDir: path.join(dir, "embedded"),
        publicPort: 0,
        adminPort: 0,
        bcryptCost: 4,
        unknownIdentifierDelayMs: [0, 0],
      });
      try {
        const hashed = hashSync(USER.password, 4).replace(/^\$2b\$/, "$2a$");
        for (let start = 0; start < 1000; start += 500) {
          const identities = Array.from({ length: 500 }, (_, k) => ({
            create: {
              schema_id: "default",
              traits: { email: `moved-${start + k}@example.com` },
              metadata_admin: { notes: "x".repeat(5000) },
              credentials: { password: { config: { hashed_password: hashed } } },
            },
          }));
          const r = await fetch(`${from.adminUrl}/admin/identities`, {
            method: "PATCH",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ identities }),
          });
          expect(r.status).toBe(200);
        }
        const refused = await migrateIdentities({
          fromAdmin: from.adminUrl,
          toAdmin: gateUrl,
          toToken: "not-the-token",
          chunkSize: 1000,
        });
        expect({ created: refused.created, failed: refused.failed }).toEqual({ created: 0, failed: 1000 });
        expect(refused.results[0]?.error).toMatch(/401|Unauthorized|admin token/);

        const moved = await migrateIdentities({
          fromAdmin: from.adminUrl,
          toAdmin: gateUrl,
          toToken: adminToken,
          chunkSize: 1000,
        });
        expect({ total: moved.total, created: moved.created, exists: moved.exists, failed: moved.failed }).toEqual({
          total: 1000,
          created: 1000,
          exists: 0,
          failed: 0,
        });
        const flow = (await (await fetch(`${publicUrl}/self-service/login/api`)).json()) as { id: string };
        const login = await fetch(`${publicUrl}/self-service/login?flow=${flow.id}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ method: "password", identifier: "moved-999@example.com", password: USER.password }),
        });
        expect(login.status).toBe(200);
      } finally {
        await from.close();
      }
    },
    120_000,
  );
});
