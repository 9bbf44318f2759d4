// Starts the production build for Playwright: isolated data dir, embedded Kratos on the given ports,
// a bootstrap admin, and the low bcrypt cost that only tests use.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "truss-e2e-"));
const port = process.env.E2E_PORT ?? "8797";
const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
    TRUSS_DATA_DIR: dataDir,
    TRUSS_SESSION_SECRET: "e2e-session-secret-canary-0123456789abcdef",
    EMBEDDED_KRATOS_PUBLIC_PORT: process.env.E2E_KRATOS_PUBLIC_PORT ?? "4533",
    EMBEDDED_KRATOS_ADMIN_PORT: process.env.E2E_KRATOS_ADMIN_PORT ?? "4534",
    EMBEDDED_KRATOS_BCRYPT_COST: "4",
    TRUSS_ADMIN_EMAIL: "admin@e2e.test",
    TRUSS_ADMIN_PASSWORD: "e2e-Admin-pass-9x",
    KRATOS_OIDC_PROVIDERS: "google,github",
    // Canary: the no-secrets e2e test checks this never reaches a page or a bundle.
    KRATOS_ADMIN_TOKEN: "e2e-admin-token-canary-5f1c",
    KRATOS_OIDC_GOOGLE_CLIENT_SECRET: "e2e-google-secret-canary-9d2e",
  },
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
