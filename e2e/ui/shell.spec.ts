import { expect, test } from "@playwright/test";
import { ADMIN } from "../fixtures";

test.describe("shell and login", () => {
  test("the overview shows counts, charts and Kratos health", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Users \d/ })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("img", { name: /Sign-ups per day: \d+ over the last 30 days/ })).toBeVisible();
    await expect(
      page.getByText(process.env.E2E_KRATOS === "real" ? "External" : "Embedded (built in)", { exact: true }),
    ).toBeVisible();
    await expect(page.getByText("Reachable").first()).toBeVisible();
    await expect(page.getByText(ADMIN.email)).toBeVisible();
  });

  test("the providers page lists each configured provider with its callback URL", async ({ page }) => {
    await page.goto("/providers");
    await expect(
      page.getByRole("heading", { name: "Google" }).or(page.getByRole("heading", { name: "google" })),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Copy callback URL" }).first()).toBeVisible();
    await page.getByRole("button", { name: "Generate config" }).click();
    await expect(page.getByLabel("Generated Kratos configuration")).toContainText("oidc");
  });

  test("the API reference renders the OpenAPI document", async ({ page }) => {
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("/v1/auth/identities", { exact: true }).first()).toBeVisible();
  });

  test("the theme toggle switches to dark and remembers it", async ({ page }) => {
    await page.goto("/users");
    await page.getByRole("combobox", { name: "Colour theme" }).selectOption("dark");
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.getByRole("combobox", { name: "Colour theme" }).selectOption("light");
    await expect(page.locator("html")).not.toHaveClass(/dark/);
  });

  test("on a phone the sidebar collapses behind a menu button", async ({ browser }) => {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      storageState: "e2e/.auth/admin.json",
    });
    const page = await ctx.newPage();
    await page.goto("/users");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await page.getByRole("button", { name: "Open menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    const scrollable = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    expect(scrollable).toBe(true);
    await ctx.close();
  });

  test("bad credentials get one clear message and a signed-out visitor is sent back to where they were going", async ({
    browser,
  }) => {
    const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await ctx.newPage();
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/login\?next=%2Faudit/);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill("definitely-wrong-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Invalid email or password.")).toBeVisible();
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await ctx.close();
  });
});
