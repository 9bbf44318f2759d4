import fs from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { ADMIN } from "./fixtures";

// Logs in once through the real login page and saves the cookie for the ui and api projects.
setup("admin signs in", async ({ page }) => {
  fs.mkdirSync("e2e/.auth", { recursive: true });
  await page.goto("/login");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.context().storageState({ path: "e2e/.auth/admin.json" });
});
