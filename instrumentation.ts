/** Runs once per server start: validate env, start the embedded Kratos, make sure an admin can sign in. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const flag = globalThis as { __trussBooted?: boolean };
  if (flag.__trussBooted) return;
  flag.__trussBooted = true;
  try {
    const { boot } = await import("@/lib/server/boot");
    await boot();
  } catch (err) {
    // Never let boot crash every request: log clearly, routes report the failure themselves.
    console.error(`[truss] startup failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
