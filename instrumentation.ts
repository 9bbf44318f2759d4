/** Runs once per server start (see lib/server/startup.ts); the Node-only code stays out of the edge bundle. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startOnce } = await import("@/lib/server/startup");
    await startOnce();
  }
}
