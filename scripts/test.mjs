// `npm test`: lint → typecheck → vitest → next build → Playwright, then one plain `N passed, N failed` line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureChromium } from "./ensure-chromium.mjs";
import { freePort } from "./free-port.mjs";

const out = path.resolve(".test-output");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };
let passed = 0;
let failed = 0;
const steps = [];

function run(name, cmd, args, extraEnv = {}) {
  console.log(`\n[test] ── ${name}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = r.status === 0;
  steps.push(`${ok ? "ok  " : "FAIL"} ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return ok;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return false;
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += r.numPassedTests ?? 0;
  // A file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = (r.testResults ?? []).filter((t) => t.status === "failed" && (t.assertionResults ?? []).length === 0).length;
  failed += (r.numFailedTests ?? 0) + brokenFiles;
  return true;
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return false;
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0);
  failed += r.stats?.unexpected ?? 0;
  return true;
}

const lintOk = run("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
if (!lintOk) failed++;
const typesOk = run("typecheck", "npx", ["tsc", "--noEmit"]);
if (!typesOk) failed++;
const vitestFile = path.join(out, "vitest.json");
run("unit + integration (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestFile}`]);
if (!countVitest(vitestFile)) failed++;
const buildOk = run("build", "npx", ["next", "build"]);
if (!buildOk) failed++;
if (buildOk) {
  ensureChromium();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-e2e-"));
  const pwFile = path.join(out, "playwright.json");
  const ports = { E2E_PORT: String(await freePort()), E2E_KRATOS_PUBLIC_PORT: String(await freePort()), E2E_KRATOS_ADMIN_PORT: String(await freePort()) };
  run("e2e (playwright)", "npx", ["playwright", "test"], { ...ports, E2E_DATA_DIR: dataDir, PLAYWRIGHT_JSON_OUTPUT_NAME: pwFile, CI: "1" });
  if (!countPlaywright(pwFile)) failed++;
  fs.rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\n[test] summary\n${steps.map((s) => `  ${s}`).join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || steps.some((s) => s.startsWith("FAIL")) ? 1 : 0);
