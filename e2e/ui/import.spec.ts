import { expect, test } from "@playwright/test";

test.describe("import", () => {
  test("importing 20 users with 2 bad rows creates 18 and reports the 2 errors per row", async ({ page }) => {
    const tag = `imp${Date.now().toString(36)}`;
    const lines = ["email,password,name,state"];
    for (let i = 1; i <= 20; i++) {
      if (i === 5) lines.push(`not-an-email,e2e-Import-pass-1,Bad Email,active`);
      else if (i === 12) lines.push(`${tag}-${i}@e2e.test,short,"Short, Password",active`);
      else lines.push(`${tag}-${i}@e2e.test,e2e-Import-pass-${i},"User ${i}",${i % 4 === 0 ? "inactive" : "active"}`);
    }
    await page.goto("/users");
    await page.getByRole("button", { name: "Import" }).click();
    const dialog = page.getByRole("dialog", { name: "Import users" });
    await dialog.getByLabel("Or paste CSV or JSON").fill(lines.join("\n"));
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "18 valid, 2 errors" })).toBeVisible();
    const preview = dialog.getByRole("table", { name: "Validation results per row" });
    await expect(preview.getByRole("row", { name: /^5 not-an-email Error/ })).toBeVisible();
    await expect(preview.getByRole("row").filter({ hasText: `${tag}-12@e2e.test` })).toContainText("Error");

    await dialog.getByRole("button", { name: "Import 18 valid rows" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "18 created, 2 errors" })).toBeVisible();
    const results = dialog.getByRole("table", { name: "Import results per row" });
    await expect(results.getByText("Created", { exact: true })).toHaveCount(18);
    await expect(results.getByRole("row").filter({ hasText: `${tag}-12@e2e.test` })).toContainText("Error");
    const download = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download results (CSV)" }).click();
    expect((await download).suggestedFilename()).toMatch(/^import-results-.*\.csv$/);
    await dialog.getByRole("button", { name: "Close", exact: true }).click();

    await page.getByRole("searchbox", { name: "Search users" }).fill(tag);
    await expect(page.getByRole("table", { name: "Users" }).getByRole("row")).toHaveCount(19);
  });
});
