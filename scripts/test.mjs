// `npm test`: lint → typecheck → vitest (embedded Kratos) → vitest on real Kratos (SQLite, then PostgreSQL)
// → next build → Playwright (embedded, then real Kratos). Ends with one plain `N passed, N failed, N skipped` line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromiumPresent } from "./ensure-chromium.mjs";
import { freePort } from "./free-port.mjs";

const out = path.resolve(".test-output");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };
let passed = 0;
let failed = 0;
let skipped = 0;
const steps = [];
const notes = [];

// Suites that run on every backend (dashboard API, client API); the PostgreSQL tier runs the import/list/sessions subset.
const REAL_TIER = [
  "app/api/auth/identities.test.ts",
  "app/api/auth/login.test.ts",
  "app/api/auth/providers.test.ts",
  "app/v1/v1.test.ts",
  "app/api/setup.test.ts",
  "app/api/robustness.test.ts",
  "app/api/auth-disabled.test.ts",
  "app/api/takeover.test.ts",
  "app/api/auth/login-hardening.test.ts",
  "app/api/auth/login-timing.test.ts",
  "app/api/last-admin.test.ts",
  "app/api/auth/reauth.test.ts",
  "app/api/auth/schemas/schemas.test.ts",
  "app/api/auth/schemas/no-email.test.ts",
  "app/api/auth/social-signin.test.ts",
  "app/api/auth/sessions-devices.test.ts",
  "app/api/audit-targets.test.ts",
  "app/api/auth/identity-index.test.ts",
  "app/api/no-scan.test.ts",
  "app/api/hooks/kratos/hooks.test.ts",
  "lib/real-kratos",
  "scripts/migrate-to-kratos.test.ts",
  "scripts/deploy-real.test.ts",
];
const POSTGRES_TIER = [
  "app/api/auth/identities.test.ts",
  "app/api/auth/identity-index.test.ts",
  "app/api/hooks/kratos/hooks.test.ts",
  "app/api/auth/schemas/schemas.test.ts",
  "app/v1/v1.test.ts",
  "scripts/migrate-to-kratos.test.ts",
];

function run(name, cmd, args, extraEnv = {}, opts = {}) {
  console.log(`\n[test] ── ${name}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    stdio: opts.capture ? ["ignore", "pipe", "inherit"] : "inherit",
    env: { ...env, ...extraEnv },
    encoding: "utf8",
  });
  const ok = r.status === 0;
  if (!opts.quiet) steps.push(`${ok ? "ok  " : "FAIL"} ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return { ok, stdout: r.stdout ?? "" };
}

function countVitest(file) {
  if (!fs.existsSync(file)) return false;
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += r.numPassedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = (r.testResults ?? []).filter(
    (t) => t.status === "failed" && (t.assertionResults ?? []).length === 0,
  ).length;
  failed += (r.numFailedTests ?? 0) + brokenFiles;
  // An unhandled error fails the run without failing a test: it still counts.
  if (r.success === false && (r.numFailedTests ?? 0) + brokenFiles === 0) failed++;
  return true;
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return false;
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0);
  failed += r.stats?.unexpected ?? 0;
  skipped += r.stats?.skipped ?? 0;
  // A global-setup or webServer failure leaves errors but no failed test.
  if ((r.errors ?? []).length > 0 && (r.stats?.unexpected ?? 0) === 0) failed++;
  return true;
}

function vitest(name, files, extraEnv) {
  const file = path.join(out, `vitest-${name.replace(/\W+/g, "-")}.json`);
  run(
    name,
    "npx",
    ["vitest", "run", ...files, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`],
    extraEnv,
  );
  if (!countVitest(file)) failed++;
}

/** Counts the tests a tier would have run, so a tier that cannot run shows up as skipped, not as nothing. */
function countSkippedTier(files, extraEnv) {
  const r = run("count", "npx", ["vitest", "list", ...files, "--json"], extraEnv, { capture: true, quiet: true });
  try {
    const n = JSON.parse(r.stdout.slice(r.stdout.indexOf("["))).length;
    skipped += n;
    return n;
  } catch {
    return 0;
  }
}

if (!run("lint", "npx", ["eslint", ".", "--max-warnings=0"]).ok) failed++;
if (!run("format", "npx", ["prettier", "--check", "."]).ok) failed++;
if (!run("typecheck", "npx", ["tsc", "--noEmit"]).ok) failed++;

// Real Kratos: KRATOS_BIN, `kratos` on PATH, or a cached build of the shared source tarball (built here if Go exists).
const which = run("find or build real Kratos", "npx", ["tsx", "lib/real-kratos/which.ts"], {}, { capture: true });
const kratos = JSON.parse(which.stdout.trim().split("\n").pop() || '{"path":null,"reason":"lookup failed"}');
const realEnv = kratos.path ? { KRATOS_BIN: kratos.path } : {};

vitest("unit + integration on embedded Kratos (vitest)", [], {});
if (kratos.path) {
  vitest("integration on real Kratos, SQLite (vitest)", REAL_TIER, { ...realEnv, TRUSS_TEST_KRATOS: "real" });
  vitest("import/list/sessions on real Kratos, PostgreSQL (vitest)", POSTGRES_TIER, {
    ...realEnv,
    TRUSS_TEST_KRATOS: "real-postgres",
  });
} else {
  const n =
    countSkippedTier(
      REAL_TIER.filter((f) => f !== "lib/real-kratos"),
      {},
    ) + countSkippedTier(POSTGRES_TIER, {});
  notes.push(
    `real-Kratos tier did not run (${kratos.reason}): ${n} tests skipped. Enable it with KRATOS_BIN=/path/to/kratos (Ory's release binary) or install Go.`,
  );
}

const buildOk = run("build", "npx", ["next", "build"]).ok;
if (!buildOk) failed++;
const browserOk = chromiumPresent();
if (!browserOk) failed++;
if (buildOk && browserOk) {
  const tiers = [["embedded", {}], ...(kratos.path ? [["real", { ...realEnv, E2E_KRATOS: "real" }]] : [])];
  for (const [tier, extra] of tiers) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-e2e-"));
    const pwFile = path.join(out, `playwright-${tier}.json`);
    const ports = {
      E2E_PORT: String(await freePort()),
      E2E_KRATOS_PUBLIC_PORT: String(await freePort()),
      E2E_KRATOS_ADMIN_PORT: String(await freePort()),
    };
    run(`e2e on ${tier} Kratos (playwright)`, "npx", ["playwright", "test"], {
      ...ports,
      ...extra,
      E2E_DATA_DIR: dataDir,
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwFile,
      CI: "1",
    });
    if (!countPlaywright(pwFile)) failed++;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (!kratos.path) notes.push("real-Kratos Playwright project did not run (no Kratos binary).");
}

console.log(`\n[test] summary\n${steps.map((s) => `  ${s}`).join("\n")}`);
for (const n of notes) console.log(`[test] NOTE: ${n}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || steps.some((s) => s.startsWith("FAIL")) ? 1 : 0);
