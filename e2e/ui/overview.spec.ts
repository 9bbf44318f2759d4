import { expect, test } from "@playwright/test";

test.describe("overview", () => {
  test("shows the user and sign-in figures, both charts, sign-ins by method and the index's age", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Users\s*[\d,]+/ })).toHaveAttribute("href", "/users");
    await expect(page.getByRole("link", { name: /^Active\s*[\d,]+/ })).toHaveAttribute("href", "/users?state=active");
    await expect(page.getByRole("link", { name: /^Inactive\s*[\d,]+/ })).toHaveAttribute(
      "href",
      "/users?state=inactive",
    );
    await expect(page.getByRole("link", { name: /^Sign-ins, last 30 days\s*[\d,]+/ })).toHaveAttribute(
      "href",
      "/users?sort=last_sign_in",
    );
    await expect(page.getByRole("img", { name: /^Sign-ups per day: [\d,]+ over the last 30 days/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Sign-ins per day: [\d,]+ over the last 30 days/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Sign-ins by method (30 days)" })).toBeVisible();
    // The figures poll while the index's first pass runs; then the line says how old the index is.
    await expect(page.getByText(/^Index updated (just now|\d+ \w+ ago|yesterday)/)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/Figures from/)).toHaveCount(0);
  });
});
