import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/*
 * Finds a real Ory Kratos binary: KRATOS_BIN, then `kratos` on PATH, then a build of KRATOS_SRC_TARBALL
 * (default ../shared/kratos/kratos-v26.2.0-src.tar.gz) with Go. Builds are cached outside the repo, keyed
 * on the tarball's sha256, so a machine compiles Kratos once.
 */
export type KratosBinary =
  { path: string; source: "KRATOS_BIN" | "PATH" | "cache" | "build" } | { path: null; reason: string };

const repoRoot = path.resolve(import.meta.dirname, "../..");
export const defaultTarball = () =>
  process.env.KRATOS_SRC_TARBALL || path.resolve(repoRoot, "../shared/kratos/kratos-v26.2.0-src.tar.gz");
export const cacheRoot = () =>
  process.env.KRATOS_CACHE_DIR ||
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "truss-kratos");

function onPath(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(":").filter(Boolean)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

export function goCommand(): string | null {
  return onPath("go") ?? (fs.existsSync("/usr/local/go/bin/go") ? "/usr/local/go/bin/go" : null);
}

function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Takes a lock directory (atomic mkdir), waiting for another builder; a lock older than 40 min is stale. */
function withLock<T>(dir: string, fn: () => T): T {
  const lock = path.join(dir, ".lock");
  for (let i = 0; ; i++) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 40 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      else if (i > 2700) throw new Error(`timed out waiting for the Kratos build lock ${lock}`);
      else spawnSync("sleep", ["1"]); // a build in another process: wait for it, bounded above
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function build(tarball: string, out: string, log: (m: string) => void): void {
  const go = goCommand();
  if (!go) throw new Error("Go is not installed");
  const work = fs.mkdtempSync(path.join(path.dirname(out), "src-"));
  try {
    execFileSync("tar", ["xzf", tarball, "-C", work], { stdio: "inherit" });
    const [top] = fs.readdirSync(work);
    const src = path.join(work, top ?? "");
    log(
      `[kratos] building ${path.basename(tarball)} with ${go} (a cold build takes minutes; cached in ${path.dirname(out)})`,
    );
    const started = Date.now();
    // As Ory's own Dockerfile-build does: stamp the version so GET /version answers it (kratos-26.2.0 → v26.2.0).
    const version = /^kratos-(\d[\w.-]*)$/.exec(top ?? "")?.[1];
    const ldflags = version ? ["-ldflags", `-X github.com/ory/kratos/driver/config.Version=v${version}`] : [];
    execFileSync(go, ["build", "-tags", "sqlite", ...ldflags, "-o", `${out}.tmp`, "."], {
      cwd: src,
      stdio: "inherit",
      env: { ...process.env, CGO_ENABLED: "1" },
      timeout: 40 * 60_000,
    });
    fs.renameSync(`${out}.tmp`, out);
    log(`[kratos] built in ${Math.round((Date.now() - started) / 1000)} s: ${out}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Resolves (and if needed builds) the Kratos binary; never throws, says why when there is none. */
export function findKratosBinary(opts: { build?: boolean; log?: (m: string) => void } = {}): KratosBinary {
  const log = opts.log ?? ((m: string) => console.error(m));
  const fromEnv = process.env.KRATOS_BIN;
  if (fromEnv) {
    return fs.existsSync(fromEnv)
      ? { path: path.resolve(fromEnv), source: "KRATOS_BIN" }
      : { path: null, reason: `KRATOS_BIN=${fromEnv} does not exist` };
  }
  const inPath = onPath("kratos");
  if (inPath) return { path: inPath, source: "PATH" };
  const tarball = defaultTarball();
  if (!fs.existsSync(tarball))
    return { path: null, reason: `no KRATOS_BIN, no kratos on PATH and no source tarball at ${tarball}` };
  const dir = path.join(cacheRoot(), sha256(tarball));
  const bin = path.join(dir, "kratos");
  if (fs.existsSync(bin)) return { path: bin, source: "cache" };
  if (opts.build === false) return { path: null, reason: `Kratos is not built yet (${bin})` };
  if (!goCommand())
    return { path: null, reason: "no KRATOS_BIN, no kratos on PATH, and no Go to build the source tarball" };
  fs.mkdirSync(dir, { recursive: true });
  try {
    withLock(dir, () => fs.existsSync(bin) || build(tarball, bin, log));
  } catch (err) {
    return { path: null, reason: `building Kratos failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  return { path: bin, source: "build" };
}
