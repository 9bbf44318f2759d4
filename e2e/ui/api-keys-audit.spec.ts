import { expect, test } from "@playwright/test";

test.describe("api keys and audit log", () => {
  test("an admin creates a key, sees the secret once, revokes it, and the audit log records both", async ({ page }) => {
    const label = `e2e key ${Date.now().toString(36)}`;
    await page.goto("/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Label").fill(label);
    await dialog.getByLabel("Rate limit (requests per minute)").fill("120");
    await dialog.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByRole("dialog", { name: "Copy your new key" });
    await expect(shown.getByText("This is the only time the secret is shown.", { exact: false })).toBeVisible();
    const secret = await shown.getByLabel("Secret").inputValue();
    expect(secret).toMatch(/^truss_sk_/);
    await shown.getByRole("button", { name: "Done" }).click();

    // The secret works on /v1 until it is revoked, and it is never on the page again.
    expect(
      (
        await page.request.get("/v1/auth/identities?page_size=1", { headers: { Authorization: `Bearer ${secret}` } })
      ).status(),
    ).toBe(200);
    const row = page.getByRole("row").filter({ hasText: label });
    await expect(row).toContainText("120/min");
    await expect(page.locator("body")).not.toContainText(secret);

    await row.getByRole("button", { name: `Revoke ${label}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await expect(row.getByText(/^Revoked/)).toBeVisible();
    await expect(page.getByText(`Revoked “${label}”.`)).toBeVisible();
    await expect
      .poll(async () =>
        (
          await page.request.get("/v1/auth/identities?page_size=1", { headers: { Authorization: `Bearer ${secret}` } })
        ).status(),
      )
      .toBe(401);

    await page.goto("/audit");
    await page.getByRole("combobox", { name: "Action" }).fill("api_key.revoke");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/action=api_key.revoke/);
    const entries = page.getByRole("table", { name: "Audit entries" });
    await expect(entries.getByRole("row").nth(1)).toContainText("api_key.revoke");
    await expect(entries.getByRole("row").nth(1)).toContainText("admin@e2e.test");

    await page.getByRole("combobox", { name: "Action" }).fill("api_key.create");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(entries.getByRole("row").nth(1)).toContainText("api_key.create");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    expect((await download).suggestedFilename()).toMatch(/^audit-.*\.csv$/);
  });

  test("a user's detail page shows the audit trail of actions on that user", async ({ page }) => {
    const res = await page.request.post("/api/auth/identities", {
      data: { email: `trail-${Date.now().toString(36)}@e2e.test` },
    });
    const { id } = (await res.json()) as { id: string };
    await page.request.patch(`/api/auth/identities/${id}/state`, { data: { state: "inactive" } });
    await page.goto(`/users/${id}`);
    const trail = page
      .getByRole("region", { name: "Audit trail" })
      .or(page.locator("section").filter({ hasText: "Audit trail" }));
    await expect(trail.getByText("identity.deactivate")).toBeVisible();
  });
});
