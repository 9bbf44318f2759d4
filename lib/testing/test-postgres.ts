import "server-only";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/scripts/free-port.mjs";

/*
 * Test helper (not used by the app): a throwaway PostgreSQL server on 127.0.0.1 in a temp dir, with
 * fsync off so it starts in about a second. As root it runs as `nobody` (postgres refuses root).
 */
export interface TestPostgres {
  /** A fresh, empty database on this server; returns its postgres:// URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;
const NOBODY = 65534;

function findBinDir(): string | null {
  const dirs = ["/usr/local/bin", ...(process.env.PATH ?? "").split(":")];
  const versioned = fs.existsSync("/usr/lib/postgresql")
    ? fs
        .readdirSync("/usr/lib/postgresql")
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  return (
    [...versioned, ...dirs].find(
      (d) => fs.existsSync(path.join(d, "initdb")) && fs.existsSync(path.join(d, "postgres")),
    ) ?? null
  );
}

/** Whether a test can get a server here (npm run setup:test installs the binaries; tests never install). */
export function canRunPostgres(): boolean {
  return findBinDir() !== null;
}

/** initdb/postgres's folder, or null (then the PostgreSQL tests report themselves skipped, with the reason). */
export function postgresBinDir(_log?: (msg: string) => void): string | null {
  return findBinDir();
}

async function waitReady(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}):\n${logs()}`);
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await c.connect();
      await c.end();
      return;
    } catch {
      await c.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`postgres did not become ready in 15 s:\n${logs()}`);
}

export async function startTestPostgres(binDir: string): Promise<TestPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-pg-"));
  const owner = isRoot() ? { uid: NOBODY, gid: NOBODY } : {};
  if (isRoot()) fs.chownSync(dir, NOBODY, NOBODY);
  const data = path.join(dir, "data");
  execFileSync(
    path.join(binDir, "initdb"),
    ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--no-locale"],
    {
      ...owner,
      cwd: dir,
      stdio: "pipe",
      timeout: 60_000,
    },
  );
  const port = await freePort();
  let output = "";
  const child = spawn(
    path.join(binDir, "postgres"),
    [
      "-D",
      data,
      "-p",
      String(port),
      "-k",
      dir,
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=60",
    ],
    { ...owner, cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (output += b.toString()));
  const kill = () => child.exitCode === null && child.kill("SIGKILL");
  process.once("exit", kill); // even when afterAll never runs, no server outlives the test worker
  const base = `postgres://postgres@127.0.0.1:${port}`;
  try {
    await waitReady(`${base}/postgres`, child, () => output);
  } catch (err) {
    kill();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    async createDatabase(name) {
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE "${name.replace(/[^a-z0-9_]/g, "_")}"`);
      } finally {
        await c.end();
      }
      return `${base}/${name.replace(/[^a-z0-9_]/g, "_")}`;
    },
    async stop() {
      process.off("exit", kill);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGQUIT"); // immediate shutdown: nothing here is worth a checkpoint
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        kill();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
