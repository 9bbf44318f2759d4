import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../fixtures";
import { createUser } from "./helpers";

// Issue 18, item 8: form errors are sentences about a field, shown beside that field, gone once it changes.
test.describe("form errors", () => {
  test("creating a user with a common password: the reason sits under Password and clears when it changes", async ({
    page,
  }) => {
    await page.goto("/users");
    await page.getByRole("button", { name: "Create user" }).click();
    const dialog = page.getByRole("dialog", { name: "Create user" });
    await dialog.getByLabel("E-Mail").fill(uniqueEmail("common"));
    const password = dialog.getByLabel("Password");
    await password.fill("password123");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    const reason = dialog.locator("#new-password-error");
    await expect(reason).toHaveText("Password is too common; choose a less guessable password.");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText(/Invalid body/)).toHaveCount(0);
    await password.fill("password1234");
    await expect(reason).toHaveCount(0);
    await expect(password).toHaveAttribute("aria-invalid", "false");
  });

  test("resetting a password to a common one: the reason sits under New password", async ({ page }) => {
    const user = await createUser(page, "reset-common");
    await page.goto(`/users/${user.id}`);
    const field = page.getByLabel("New password");
    await field.fill("password123");
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.locator("#reset-password-error")).toHaveText(
      "Password is too common; choose a less guessable password.",
    );
    await field.fill("another-try-99");
    await expect(page.locator("#reset-password-error")).toHaveCount(0);
  });

  test("an unknown or malformed user id answers HTTP 404 with the not-found page", async ({ page }) => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-user-id"]) {
      const res = await page.goto(`/users/${id}`);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });
});
