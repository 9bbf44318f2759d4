import { expect, test } from "@playwright/test";
import { ADMIN } from "../fixtures";
import { createUser } from "./helpers";

// Issue 18, item 9: a bulk delete asks for a typed word as the single delete does, warns about your own account and
// the admins in the selection, and its results name the users by email, not by id.

test.describe("bulk delete", () => {
  test("the confirm button waits for the typed word; the results list the deleted users by email", async ({ page }) => {
    const tag = `bulkdel${Date.now().toString(36)}`;
    const a = await createUser(page, tag);
    const b = await createUser(page, tag);
    await page.goto(`/users?q=${tag}`);
    const table = page.getByRole("table", { name: "Users" });
    await expect(table.getByRole("row")).toHaveCount(3);
    for (const u of [a, b]) await table.getByRole("row").filter({ hasText: u.email }).getByRole("checkbox").check();
    await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();

    const dialog = page.getByRole("dialog", { name: "Delete 2 users?" });
    const confirm = dialog.getByRole("button", { name: "Delete 2 users" });
    await expect(confirm).toBeDisabled();
    const word = dialog.getByRole("textbox", { name: "Type delete to confirm" });
    await word.fill("delet");
    await expect(confirm).toBeDisabled();
    await word.fill("delete");
    await expect(confirm).toBeEnabled();
    await confirm.click();

    await expect(dialog.getByText("2 succeeded, 0 failed.")).toBeVisible();
    const results = dialog.getByRole("list", { name: "Per-user results" });
    for (const u of [a, b]) {
      await expect(results.getByRole("listitem").filter({ hasText: u.email })).toContainText("OK");
      await expect(results).not.toContainText(u.id);
    }
    for (const u of [a, b]) expect((await page.request.get(`/api/auth/identities/${u.id}`)).status()).toBe(404);
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(table.getByRole("row")).toHaveCount(0);
  });

  test("a selection that includes the signed-in admin says so before anything is deleted", async ({ page }) => {
    const other = await createUser(page, "bulkself");
    await page.goto(`/users?q=${ADMIN.email}`);
    const table = page.getByRole("table", { name: "Users" });
    await table.getByRole("row").filter({ hasText: ADMIN.email }).getByRole("checkbox").check();
    // The selection outlives a new search: pick a second user from another result.
    await page.getByRole("searchbox", { name: "Search users" }).fill(other.email);
    await table.getByRole("row").filter({ hasText: other.email }).getByRole("checkbox").check();
    await expect(page.getByRole("toolbar", { name: "Bulk actions" })).toContainText("2 selected");
    await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Delete" }).click();

    const dialog = page.getByRole("dialog", { name: "Delete 2 users?" });
    await expect(dialog.getByRole("alert")).toContainText(`Your own account (${ADMIN.email}) is selected.`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect((await page.request.get(`/api/auth/identities/${other.id}`)).status()).toBe(200);
  });
});
