import { expect, test } from "@playwright/test";
import { createUser, sessionWorks, signInAsUser } from "./helpers";

test.describe("sessions", () => {
  test("revoking a session signs the user out", async ({ page }) => {
    const user = await createUser(page, "sess");
    const token = await signInAsUser(user.email);
    await page.goto("/sessions");
    await expect(page.getByRole("table", { name: "Active sessions" })).toBeVisible();
    // By email: Truss finds the user (an id, a username or a phone work the same way).
    await page.getByRole("textbox", { name: "Filter by user" }).fill(user.email);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`identity=${encodeURIComponent(user.email)}`));
    const row = page.getByRole("row").filter({ hasText: user.email });
    await expect(row).toHaveCount(1);
    await row.getByRole("button", { name: /Revoke session/ }).click();
    await expect(page.getByText("Session revoked.")).toBeVisible();
    await expect(page.getByText("No active sessions")).toBeVisible();
    expect(await sessionWorks(token)).toBe(false);
  });
});
