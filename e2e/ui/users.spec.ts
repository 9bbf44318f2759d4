import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../fixtures";
import { activeSessionCount, createUser, sessionWorks, signInAsUser, USER_PASSWORD } from "./helpers";

test.describe("users", () => {
  test("an admin creates a user, finds it by search and deactivates it, which ends its sessions", async ({ page }) => {
    const email = uniqueEmail("create");
    await page.goto("/users");
    await page.getByRole("button", { name: "Create user" }).click();
    const dialog = page.getByRole("dialog", { name: "Create user" });
    // The default schema's form: labels are the schema's titles.
    await dialog.getByLabel("E-Mail").fill(email);
    await dialog.getByLabel("First Name").fill("Grace");
    await dialog.getByLabel("Last Name").fill("Hopper");
    await dialog.getByLabel("Password").fill(USER_PASSWORD);
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Grace Hopper" })).toBeVisible();
    const id = page.url().split("/").pop() ?? "";

    // The user signs in to an app: one live Kratos session.
    const token = await signInAsUser(email);
    expect(await sessionWorks(token)).toBe(true);

    await page.goto("/users");
    await page.getByRole("searchbox", { name: "Search users" }).fill(email.slice(0, 14));
    await expect(page).toHaveURL(/[?&]q=/);
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toBeVisible();
    await expect(row.getByText("Grace Hopper")).toBeVisible();
    await row.getByRole("link", { name: "Grace Hopper" }).click();

    await expect(page.getByRole("table", { name: "Active sessions of this user" }).getByRole("row")).toHaveCount(2);
    await page.getByRole("button", { name: "Deactivate" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByText("User deactivated; their sessions were revoked.")).toBeVisible();
    await expect(page.getByText("Inactive", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("No active sessions")).toBeVisible();
    expect(await activeSessionCount(page, id)).toBe(0);
    expect(await sessionWorks(token)).toBe(false);

    await page.goto("/users?state=inactive");
    await page.getByRole("searchbox", { name: "Search users" }).fill(email);
    await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();
  });

  test("an admin resets a password and the user is signed out everywhere", async ({ page }) => {
    const user = await createUser(page, "reset");
    const token = await signInAsUser(user.email);
    await page.goto(`/users/${user.id}`);
    await expect(page.getByLabel("Also sign out everywhere")).toBeChecked();
    await page.getByLabel("New password").fill("brand-New-pass-42");
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByText("Password reset; signed out everywhere.")).toBeVisible();
    expect(await sessionWorks(token)).toBe(false);
    expect(await sessionWorks(await signInAsUser(user.email, "brand-New-pass-42"))).toBe(true);
  });

  test("an admin marks an email verified and extends a session", async ({ page }) => {
    const user = await createUser(page, "verify");
    const token = await signInAsUser(user.email);
    await page.goto(`/users/${user.id}`);
    await page.getByRole("button", { name: `Mark ${user.email} as verified` }).click();
    await expect(page.getByText("Verified", { exact: true })).toBeVisible();
    await page
      .getByRole("table", { name: "Active sessions of this user" })
      .getByRole("button", { name: "Extend" })
      .click();
    await expect(page.getByText("Session extended.")).toBeVisible();
    expect(await sessionWorks(token)).toBe(true);
  });

  test("an admin creates a recovery code and edits public metadata", async ({ page }) => {
    const user = await createUser(page, "recover");
    await page.goto(`/users/${user.id}`);
    await page.getByRole("button", { name: "Create recovery code" }).click();
    await expect(page.getByRole("button", { name: "Copy code" })).toBeVisible();
    await expect(page.getByText(/^Expires \d/)).toBeVisible();

    const meta = page.getByLabel("Public metadata (JSON)");
    await meta.fill("{ not json");
    await expect(page.getByText(/Invalid JSON/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Save metadata" })).toBeDisabled();
    await meta.fill('{ "plan": "pro" }');
    await page.getByRole("button", { name: "Save metadata" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    const res = await page.request.get(`/api/auth/identities/${user.id}`);
    expect(((await res.json()) as { metadata_public: unknown }).metadata_public).toEqual({ plan: "pro" });
  });

  test("bulk revoke sessions signs every selected user out, with per-row results", async ({ page }) => {
    const tag = `bulk${Date.now().toString(36)}`;
    const a = await createUser(page, tag);
    const b = await createUser(page, tag);
    const tokens = [await signInAsUser(a.email), await signInAsUser(b.email)];
    await page.goto(`/users?q=${tag}`);
    await expect(page.getByRole("row")).toHaveCount(3);
    await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
    await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Revoke sessions" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke sessions of 2 users?" });
    await dialog.getByRole("button", { name: "Revoke sessions of 2 users" }).click();
    await expect(dialog.getByText("2 succeeded, 0 failed.")).toBeVisible();
    await expect(dialog.getByRole("progressbar", { name: "Processed" })).toHaveAttribute("aria-valuenow", "2");
    await expect(dialog.getByRole("list", { name: "Per-user results" }).getByText("OK")).toHaveCount(2);
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    for (const t of tokens) expect(await sessionWorks(t)).toBe(false);
  });
});
