import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startRealKratos, type RealKratos } from "@/lib/real-kratos";

// Truss's generated OIDC config must be accepted by Kratos itself (a schema check alone is not enough): boot real
// Kratos with all six provider types and dummy credentials, and see every provider offered on a login flow.
const dirs: string[] = [];
const running: RealKratos[] = [];
afterAll(async () => {
  await Promise.all(running.map((k) => k.close()));
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const SIX = {
  KRATOS_OIDC_PROVIDERS: "google,github,discord,apple,microsoft,custom",
  KRATOS_OIDC_GOOGLE_CLIENT_ID: "123-abc.apps.googleusercontent.com",
  KRATOS_OIDC_GOOGLE_CLIENT_SECRET: "dummy-google-secret",
  KRATOS_OIDC_GITHUB_CLIENT_ID: "Iv1.0123456789abcdef",
  KRATOS_OIDC_GITHUB_CLIENT_SECRET: "dummy-github-secret",
  KRATOS_OIDC_DISCORD_CLIENT_ID: "123456789012345678",
  KRATOS_OIDC_DISCORD_CLIENT_SECRET: "dummy-discord-secret",
  KRATOS_OIDC_APPLE_CLIENT_ID: "com.example.web",
  KRATOS_OIDC_APPLE_TEAM_ID: "ABCDE12345",
  KRATOS_OIDC_APPLE_PRIVATE_KEY_ID: "KEY1234567",
  KRATOS_OIDC_APPLE_PRIVATE_KEY:
    "-----BEGIN PRIVATE KEY-----\\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg\\n-----END PRIVATE KEY-----",
  KRATOS_OIDC_MICROSOFT_CLIENT_ID: "00000000-0000-0000-0000-000000000000",
  KRATOS_OIDC_MICROSOFT_CLIENT_SECRET: "dummy-microsoft-secret",
  KRATOS_OIDC_MICROSOFT_TENANT: "common",
  KRATOS_OIDC_CUSTOM_ISSUER_URL: "http://127.0.0.1:9/never-contacted",
  KRATOS_OIDC_CUSTOM_CLIENT_ID: "custom-client",
  KRATOS_OIDC_CUSTOM_CLIENT_SECRET: "dummy-custom-secret",
};

describe("real Kratos boots with Truss's provider config", () => {
  it("all six providers (google, github, discord, apple, microsoft, custom) with dummy credentials", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-six-"));
    dirs.push(dir);
    const k = await startRealKratos({ dir, offline: true, bcryptCost: 4, env: { ...process.env, ...SIX } });
    running.push(k);
    const flow = await fetch(`${k.publicUrl}/self-service/login/api`).then(
      (r) =>
        r.json() as Promise<{ ui: { nodes: { group: string; attributes: { name?: string; value?: unknown } }[] } }>,
    );
    const offered = flow.ui.nodes
      .filter((n) => n.group === "oidc" && n.attributes.name === "provider")
      .map((n) => n.attributes.value)
      .sort();
    expect(offered).toEqual(["apple", "custom", "discord", "github", "google", "microsoft"]);
  });
});
