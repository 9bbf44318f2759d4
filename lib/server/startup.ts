import "server-only";
import { boot } from "@/lib/server/boot";

const flag = globalThis as { __trussBooted?: boolean; __trussBoot?: Promise<void> };

/**
 * Boot once per process: validate env, start the embedded Kratos, make sure an admin can sign in. A configuration
 * error stops the server (exit 1); a Kratos outage does not. scripts/server.mjs waits for this before it listens.
 */
export async function startOnce(): Promise<void> {
  if (flag.__trussBooted) return flag.__trussBoot;
  flag.__trussBooted = true;
  await (flag.__trussBoot = run());
}

async function run(): Promise<void> {
  try {
    await boot();
  } catch (err) {
    if (err instanceof Error && err.name === "StartupError") {
      console.error(`[truss] refusing to start: ${err.message}`);
      process.exit(1);
    }
    // Kratos unreachable and the like: log clearly, routes report the failure themselves.
    console.error(`[truss] startup failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
