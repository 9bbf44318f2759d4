import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../../scripts/free-port.mjs";
import { startServerScript } from "../server-process";

// Issue 18, item 1: a new user's first run. What `npm run up` serves (scripts/server.mjs, production build, embedded
// Kratos) on an empty data directory prints the setup link by the time it says it is ready; the login page points to
// that line; the link creates the first admin and, once used, sends people to /login. (Timings: BENCH_ONLY=first-run.)

test.skip(
  process.env.E2E_KRATOS === "real",
  "the first run is the embedded default; checked once, in the embedded pass",
);

test("first run: setup link printed by ready, login page hint, link works once, then /setup goes to /login", async ({
  browser,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-first-run-e2e-"));
  const [port, kpub, kadm] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    TRUSS_DATA_DIR: dataDir,
    EMBEDDED_KRATOS_PUBLIC_PORT: String(kpub),
    EMBEDDED_KRATOS_ADMIN_PORT: String(kadm),
    EMBEDDED_KRATOS_BCRYPT_COST: "4",
  };
  for (const name of [
    "TRUSS_ADMIN_EMAIL",
    "TRUSS_ADMIN_PASSWORD",
    "KRATOS_PUBLIC_URL",
    "KRATOS_ADMIN_URL",
    "DATABASE_URL",
  ])
    delete env[name]; // a newcomer's first run: no admin, the embedded Kratos, SQLite
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  let stopServer = () => {};
  try {
    const { lines, stop } = await startServerScript(env);
    stopServer = stop;
    const link = lines.map((l) => /(http\S+\/setup\?token=\S+)/.exec(l)?.[1]).find(Boolean);
    expect(link, "the setup link is printed before the ready line").toBeDefined();
    const base = `http://127.0.0.1:${port}`;
    const page = await context.newPage();

    await page.goto(`${base}/login`);
    await expect(page.getByRole("status")).toContainText("No admin yet: use the setup link printed by the server");
    await expect(page.getByRole("status")).toContainText("[truss] No admin yet. Create the first one");

    const setupPath = new URL(link!).pathname + new URL(link!).search;
    await page.goto(`${base}${setupPath}`);
    await page.getByLabel("Email").fill("first-admin@e2e.test");
    await page.getByLabel("Password", { exact: true }).fill("First-admin-pass-1");
    await page.getByLabel("Confirm password").fill("First-admin-pass-1");
    await page.getByRole("button", { name: "Create admin account" }).click();
    await expect(page.getByRole("status")).toContainText("The first admin account is ready");

    await page.goto(`${base}${setupPath}`); // the used link
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText("No admin yet")).toHaveCount(0);
  } finally {
    await context.close();
    stopServer();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
