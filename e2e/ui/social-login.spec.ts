import { expect, test } from "@playwright/test";

// Admins sign in to the dashboard with a provider: real Kratos and the local OpenID provider the e2e server starts
// as `custom` ("Local OIDC"). On the embedded Kratos the login page says social sign-in needs a real Kratos instead.
const onReal = process.env.E2E_KRATOS === "real";

test.describe("social sign-in on the login page", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("embedded Kratos: a notice and no button that cannot work", async ({ page }) => {
    test.skip(onReal, "the embedded-mode notice only shows on the embedded Kratos");
    await page.goto("/login");
    await expect(page.getByRole("note")).toContainText("needs a real Ory Kratos");
    await expect(page.getByRole("button", { name: /^Sign in with/ })).toHaveCount(0);
  });

  test("real Kratos: a non-admin is refused, an admin lands on the dashboard", async ({ page, browser }) => {
    test.skip(!onReal, "social sign-in runs on real Kratos (E2E_KRATOS=real); the embedded server has no OIDC");
    const login = `boss${Date.now().toString(36)}`;
    // An existing user linked to the provider (as an import would bring one), not an admin yet.
    const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
    const seeded = await admin.request.post("/api/auth/users/import", {
      data: { users: [{ email: `${login}@oidc.test`, providers: [{ provider: "custom", subject: login }] }] },
    });
    expect(seeded.status(), await seeded.text()).toBe(200);
    const id = ((await seeded.json()) as { results: { id: string }[] }).results[0]!.id;

    const signInWithProvider = async (providerAsks: boolean) => {
      await page.goto("/login");
      await page.getByRole("button", { name: "Sign in with Local OIDC" }).click();
      if (!providerAsks) return; // the provider remembers this browser: straight back through Kratos
      // oidc-provider's development pages: any login name, then consent.
      await page.locator('input[name="login"]').fill(login);
      await page.locator('input[name="password"]').fill("anything");
      await page.getByRole("button", { name: "Sign-in" }).click();
      await page.getByRole("button", { name: "Continue" }).click();
    };

    await signInWithProvider(true);
    await expect(page).toHaveURL(/\/login\?error=not_admin$/);
    await expect(page.getByText("That account is not a dashboard admin.")).toBeVisible();

    const promoted = await admin.request.post(`/api/auth/identities/${id}/admin`);
    expect(promoted.status(), await promoted.text()).toBe(200);
    await admin.close();

    await signInWithProvider(false);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.getByText(`${login}@oidc.test`)).toBeVisible();
  });
});
