import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DASHBOARD_PAGES } from "../fixtures";
import { createUser } from "./helpers";

async function expectNoSeriousViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
  ).toEqual([]);
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });

    // One page per test: a slow machine gets a full timeout for each.
    for (const path of [...DASHBOARD_PAGES, "/users/:id"]) {
      test(`${path} has no serious or critical axe violation in ${scheme} mode`, async ({ page }) => {
        const target = path === "/users/:id" ? `/users/${(await createUser(page, `axe-${scheme}`)).id}` : path;
        await page.goto(target);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /dark/ : /^(?!.*dark).*$/);
        await expectNoSeriousViolations(page, target);
      });
    }

    test(`the import dialog has no serious or critical axe violation in ${scheme} mode`, async ({ page }) => {
      await page.goto("/users");
      await page.getByRole("button", { name: "Import" }).click();
      await expectNoSeriousViolations(page, "import dialog");
    });

    test(`the login page has no serious or critical axe violation in ${scheme} mode`, async ({ browser }) => {
      const ctx = await browser.newContext({ colorScheme: scheme, storageState: { cookies: [], origins: [] } });
      const page = await ctx.newPage();
      await page.goto("/login");
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
      await expectNoSeriousViolations(page, "/login");
      await ctx.close();
    });
  });
}
