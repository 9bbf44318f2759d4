/**
 * Runs once per server start, before it serves: validate env, start the embedded Kratos, make sure an admin
 * can sign in. A configuration error stops the server (non-zero exit); a Kratos outage does not.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const flag = globalThis as { __trussBooted?: boolean };
  if (flag.__trussBooted) return;
  flag.__trussBooted = true;
  try {
    const { boot } = await import("@/lib/server/boot");
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
