import { expect, test } from "@playwright/test";
import { createUser, signInAsUser } from "../ui/helpers";

// A docs generator, not a test: `npm run docs:screenshots` rewrites docs/screenshots/*.png (README pictures).
test.describe("screenshots", () => {
  test.use({ viewport: { width: 1280, height: 860 } });

  test("captures the main pages for the docs", async ({ page }) => {
    const user = await createUser(page, "shot", { name: "Ada Lovelace" });
    await signInAsUser(user.email);
    const shot = (name: string) => page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false });

    await page.goto("/");
    await expect(page.getByRole("img", { name: /Sign-ups per day/ })).toBeVisible({ timeout: 15_000 });
    await shot("overview");

    await page.goto("/users");
    await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
    await shot("users");

    await page.goto(`/users/${user.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
    await shot("user-detail");

    await page.goto("/users");
    await page.getByRole("button", { name: "Import" }).click();
    await page
      .getByLabel("Or paste CSV or JSON")
      .fill(`email,password,name\nnew-${Date.now()}@e2e.test,e2e-Import-pass-1,New Person\nbroken,x,Broken Row`);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("1 valid, 1 error")).toBeVisible();
    await shot("import-dialog");

    // The create dialog's form, generated from the `staff` schema (username, phone, name, department, tags).
    await page.goto("/users");
    await page.getByRole("button", { name: "Create user" }).click();
    const create = page.getByRole("dialog", { name: "Create user" });
    await create.getByLabel("Identity schema", { exact: true }).selectOption("staff");
    await create.getByLabel("Username").fill("grace.h");
    await create.getByLabel("Phone").fill("+12015550140");
    await create.getByLabel("First name").fill("Grace");
    await create.getByLabel("Last name").fill("Hopper");
    await create.getByLabel("Department").selectOption("engineering");
    await create.getByRole("button", { name: "Add to Tags" }).click();
    await create.getByLabel("Tags 1", { exact: true }).fill("oncall");
    await create.getByLabel("Identity schema", { exact: true }).focus(); // back to the top of the form
    await shot("create-user-form");

    await page.goto("/settings/api-keys");
    await expect(page.getByRole("button", { name: "Create API key" })).toBeVisible();
    await shot("api-keys");

    await page.goto("/audit");
    await expect(page.getByRole("table", { name: "Audit entries" })).toBeVisible();
    await shot("audit");
  });
});
