import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export { freePort } from "../scripts/free-port.mjs";

export interface StartedServer {
  child: ChildProcess;
  stop: () => void;
  /** Resolves when the server process has exited (after stop()). */
  exited: Promise<void>;
}

/**
 * Starts `next start` in its own process group (so the whole tree can be stopped) and waits for health. `onStdout`
 * receives the server's log lines (e.g. the identity index's "[truss] identity index: …" pass reports).
 */
export async function startServer(
  env: Record<string, string>,
  port: number,
  opts: { onStdout?: (line: string) => void } = {},
): Promise<StartedServer> {
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", opts.onStdout ? "pipe" : "ignore", "inherit"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  if (opts.onStdout) {
    let rest = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) opts.onStdout?.(line);
    });
  }
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return { child, stop, exited };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stop();
  throw new Error("server did not become healthy within 90 s");
}

/**
 * Waits (bounded) until the identity index lists at least `atLeast` identities: seeding straight into Kratos reaches
 * the index through a reconciler pass, and measuring a half-indexed list would mean nothing.
 */
export async function waitForIndex(base: string, cookie: string, atLeast: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < 240; i++) {
    const r = await fetch(`${base}/api/auth/identities?page_size=1`, { headers: { cookie } });
    if (r.ok) total = ((await r.json()) as { total: number }).total;
    else await r.arrayBuffer();
    if (total >= atLeast) return total;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error(`the identity index lists ${total} identities after 120 s, expected at least ${atLeast}`);
}

/** Peak resident memory (VmHWM, MiB) of the heaviest process in a process group. */
export function peakRssMiB(pgid: number): number {
  let peak = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue; // field 5 of stat: process group id
      const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      /* process ended meanwhile */
    }
  }
  return Math.round(peak);
}
