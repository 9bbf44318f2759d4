import path from "node:path";
import { startRealKratos } from "./launch";

/*
 * `npm run kratos:real`: real Ory Kratos on loopback with Truss's own config. Env: KRATOS_DSN (default SQLite in
 * KRATOS_REAL_DIR or .data/real-kratos), KRATOS_REAL_PUBLIC_PORT / KRATOS_REAL_ADMIN_PORT (default free ports),
 * KRATOS_OIDC_* (providers), TRUSS_PUBLIC_URL, and KRATOS_BIN / KRATOS_SRC_TARBALL to find the binary. With
 * TRUSS_HOOK_SECRET set, Kratos's web hooks post to TRUSS_HOOK_URL (default <TRUSS_PUBLIC_URL>/api/hooks/kratos).
 */
async function main(): Promise<void> {
  const port = (name: string) => {
    const raw = process.env[name];
    if (!raw) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
    return n;
  };
  const dir = path.resolve(process.env.KRATOS_REAL_DIR || ".data/real-kratos");
  const trussUrl = (process.env.TRUSS_PUBLIC_URL || "http://127.0.0.1:8787").replace(/\/+$/, "");
  const hookSecret = process.env.TRUSS_HOOK_SECRET;
  const kratos = await startRealKratos({
    dir,
    dsn: process.env.KRATOS_DSN || undefined,
    publicPort: port("KRATOS_REAL_PUBLIC_PORT"),
    adminPort: port("KRATOS_REAL_ADMIN_PORT"),
    trussPublicUrl: process.env.TRUSS_PUBLIC_URL || undefined,
    bcryptCost: process.env.KRATOS_REAL_BCRYPT_COST ? Number(process.env.KRATOS_REAL_BCRYPT_COST) : 12,
    offline: true,
    trussHook: hookSecret
      ? { url: process.env.TRUSS_HOOK_URL || `${trussUrl}/api/hooks/kratos`, secret: hookSecret }
      : undefined,
    log: (m) => console.log(m),
  });
  console.log(`real kratos binary: ${kratos.binary}`);
  console.log(`real kratos config: ${kratos.configFile}`);
  console.log(`real kratos public: ${kratos.publicUrl}`);
  console.log(`real kratos admin:  ${kratos.adminUrl}`);
  console.log(
    `real kratos hooks:  ${hookSecret ? "on (TRUSS_HOOK_SECRET set)" : "off (set TRUSS_HOOK_SECRET to notify Truss)"}`,
  );
  console.log(
    `\nRun the dashboard on it:\n  ${hookSecret ? 'TRUSS_HOOK_SECRET="$TRUSS_HOOK_SECRET" ' : ""}KRATOS_PUBLIC_URL=${kratos.publicUrl} KRATOS_ADMIN_URL=${kratos.adminUrl} npm run dev`,
  );
  const stop = () => void kratos.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(`real kratos failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
