import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { freePort } from "@/scripts/free-port.mjs";
import os from "node:os";
import path from "node:path";
import { findKratosBinary } from "./binary";
import { writeRealKratosConfig, type RealKratosConfigOptions } from "./config";

export interface RealKratos {
  publicUrl: string;
  adminUrl: string;
  dsn: string;
  dir: string;
  configFile: string;
  binary: string;
  /** Everything Kratos printed so far (for test failures). */
  logs(): string;
  close(): Promise<void>;
}

export interface StartRealKratosOptions extends Partial<Omit<RealKratosConfigOptions, "dsn">> {
  /** postgres://… or sqlite://…; default: SQLite in dir. */
  dsn?: string;
  /** Kratos's --dev: plain-HTTP cookies and bcrypt cost below 12 (local runs and tests). */
  dev?: boolean;
  log?: (m: string) => void;
}

export { freePort };

async function waitReady(url: string, child: ChildProcess, logs: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`kratos serve exited (${child.exitCode}):\n${logs()}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`kratos did not become ready within ${timeoutMs / 1000} s:\n${logs()}`);
}

/**
 * Starts real Ory Kratos: writes the config, runs `kratos migrate sql -e --yes`, then `kratos serve`, and
 * waits for /health/ready on both ports. Throws with Kratos's own output when any step fails.
 */
export async function startRealKratos(opts: StartRealKratosOptions = {}): Promise<RealKratos> {
  const found = findKratosBinary({ log: opts.log });
  if (found.path === null) throw new Error(`no Kratos binary: ${found.reason}`);
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "truss-real-kratos-"));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ownPorts = !opts.publicPort && !opts.adminPort;
  let publicPort = opts.publicPort || (await freePort());
  let adminPort = opts.adminPort || (await freePort());
  const dsn = opts.dsn ?? `sqlite://${path.join(dir, "kratos.sqlite")}?_fk=true&mode=rwc`;
  let configFile = writeRealKratosConfig({ ...opts, dir, dsn, publicPort, adminPort });
  // Kratos reads env vars over the file (SERVE_PUBLIC_PORT, …): pass only what it needs, so the file is the one truth.
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    DSN: dsn,
  } as unknown as NodeJS.ProcessEnv;
  const migrate = spawnSync(found.path, ["migrate", "sql", "-e", "--yes", "-c", configFile], {
    env,
    encoding: "utf8",
    timeout: 180_000,
  });
  if (migrate.status !== 0)
    throw new Error(
      `kratos migrate sql failed (${migrate.status ?? migrate.signal}):\n${migrate.stdout}${migrate.stderr}`,
    );
  const devFlag = opts.dev === false ? [] : ["--dev"];
  // A port free a moment ago can be taken (by another test's server or an outgoing connection) before Kratos binds
  // it, seconds later after the migration: ports chosen here are chosen again, at most twice.
  for (let attempt = 1; ; attempt++) {
    let output = "";
    const child = spawn(found.path, ["serve", "-c", configFile, ...devFlag], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (b: Buffer) => (output = (output + b.toString()).slice(-200_000)));
    child.stderr?.on("data", (b: Buffer) => (output = (output + b.toString()).slice(-200_000)));
    const kill = () => child.exitCode === null && child.kill("SIGKILL");
    process.once("exit", kill); // no Kratos outlives the process that started it
    const publicUrl = `http://127.0.0.1:${publicPort}`;
    const adminUrl = `http://127.0.0.1:${adminPort}`;
    try {
      await waitReady(`${adminUrl}/health/ready`, child, () => output, 60_000);
      await waitReady(`${publicUrl}/health/ready`, child, () => output, 10_000);
    } catch (err) {
      kill();
      process.off("exit", kill);
      if (ownPorts && attempt < 3 && output.includes("address already in use")) {
        [publicPort, adminPort] = [await freePort(), await freePort()];
        configFile = writeRealKratosConfig({ ...opts, dir, dsn, publicPort, adminPort });
        continue;
      }
      throw err;
    }
    return {
      publicUrl,
      adminUrl,
      dsn,
      dir,
      configFile,
      binary: found.path,
      logs: () => output,
      async close() {
        process.off("exit", kill);
        if (child.exitCode === null) {
          const exited = new Promise((r) => child.once("exit", r));
          child.kill("SIGTERM");
          await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
          kill();
        }
        if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}
