import { spawn } from "node:child_process";

/** `npm start`'s server (scripts/server.mjs) as its own process group, once it prints its ready line. */
export async function startServerScript(env: NodeJS.ProcessEnv): Promise<{ lines: string[]; stop: () => void }> {
  const server = spawn(process.execPath, ["scripts/server.mjs"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  const lines: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let rest = "";
      server.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        const parts = (rest + chunk).split("\n");
        rest = parts.pop() ?? "";
        lines.push(...parts);
        if (parts.some((l) => l.includes("[truss] ready on"))) resolve();
      });
      server.once("exit", (code) => reject(new Error(`server exited (${code}): ${lines.join("\n")}`)));
    });
  } catch (err) {
    stop();
    throw err;
  }
  return { lines, stop };
}
