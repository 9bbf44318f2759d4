// Starts the production build for Playwright: isolated data dir, a bootstrap admin, the low bcrypt cost that only
// tests use, and either the embedded Kratos on the given ports or (E2E_KRATOS=real) real Ory Kratos.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startDevOidcProvider } from "@/lib/oidc-dev/provider";
import { startRealKratos } from "@/lib/real-kratos";

const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "truss-e2e-"));
const port = process.env.E2E_PORT ?? "8797";
const kratosPublicPort = process.env.E2E_KRATOS_PUBLIC_PORT ?? "4533";
// A local OpenID provider (oidc-provider) as the `custom` provider: on real Kratos, admins sign in through it.
const oidc = await startDevOidcProvider({
  port: Number(process.env.E2E_OIDC_PORT ?? 4599),
  redirectUris: [`http://127.0.0.1:${kratosPublicPort}/self-service/methods/oidc/callback/custom`],
});
const providers = {
  KRATOS_OIDC_PROVIDERS: "google,github,custom",
  KRATOS_OIDC_GOOGLE_CLIENT_ID: "e2e-google-client",
  KRATOS_OIDC_GITHUB_CLIENT_ID: "e2e-github-client",
  KRATOS_OIDC_CUSTOM_LABEL: "Local OIDC",
  KRATOS_OIDC_CUSTOM_ISSUER_URL: oidc.issuer,
  KRATOS_OIDC_CUSTOM_CLIENT_ID: oidc.clientId,
  KRATOS_OIDC_CUSTOM_CLIENT_SECRET: oidc.clientSecret,
};
// Two identity schemas side by side on both backends: Kratos's email quickstart and a username + phone schema.
const schemas = {
  KRATOS_IDENTITY_SCHEMA_FILE: `default=${path.resolve("deploy/kratos/identity.schema.json")},staff=${path.resolve("deploy/kratos/schemas/username-phone.schema.json")}`,
};
// Real Kratos posts its web hooks to the dashboard under test, as deploy/ sets it up (the embedded one does by itself).
const hookSecret = randomBytes(32).toString("hex");
const real =
  process.env.E2E_KRATOS === "real"
    ? await startRealKratos({
        publicPort: Number(kratosPublicPort),
        adminPort: Number(process.env.E2E_KRATOS_ADMIN_PORT ?? 4534),
        dir: path.join(dataDir, "real-kratos"),
        bcryptCost: 4,
        offline: true,
        trussPublicUrl: `http://127.0.0.1:${port}`,
        trussHook: { url: `http://127.0.0.1:${port}/api/hooks/kratos`, secret: hookSecret },
        env: { ...process.env, ...providers },
        identitySchemaSpec: schemas.KRATOS_IDENTITY_SCHEMA_FILE,
      })
    : null;
if (real) console.log(`[e2e] real Kratos ${real.publicUrl} / ${real.adminUrl}`);

const child = spawn("node", ["scripts/server.mjs"], {
  stdio: "inherit",
  env: {
    ...process.env,
    ...providers,
    ...schemas,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
    HOST: "127.0.0.1",
    TRUSS_DATA_DIR: dataDir,
    TRUSS_SESSION_SECRET: "e2e-session-secret-canary-0123456789abcdef",
    EMBEDDED_KRATOS_PUBLIC_PORT: process.env.E2E_KRATOS_PUBLIC_PORT ?? "4533",
    EMBEDDED_KRATOS_ADMIN_PORT: process.env.E2E_KRATOS_ADMIN_PORT ?? "4534",
    EMBEDDED_KRATOS_BCRYPT_COST: "4",
    // Long enough that no test meets the password prompt by accident; e2e/ui/reauth.spec.ts meets it on purpose.
    TRUSS_REAUTH_MINUTES: "120",
    ...(real
      ? { KRATOS_PUBLIC_URL: real.publicUrl, KRATOS_ADMIN_URL: real.adminUrl, TRUSS_HOOK_SECRET: hookSecret }
      : {}),
    TRUSS_ADMIN_EMAIL: "admin@e2e.test",
    TRUSS_ADMIN_PASSWORD: "e2e-Admin-pass-9x",
    // Canary: the no-secrets e2e test checks this never reaches a page or a bundle.
    KRATOS_ADMIN_TOKEN: "e2e-admin-token-canary-5f1c",
    KRATOS_OIDC_GOOGLE_CLIENT_SECRET: "e2e-google-secret-canary-9d2e",
  },
});
const stop = () => {
  child.kill("SIGTERM");
  void real?.close();
  void oidc.close();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => void (real ? real.close() : Promise.resolve()).then(() => process.exit(code ?? 0)));
