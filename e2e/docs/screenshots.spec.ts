import { expect, test, type Page } from "@playwright/test";
import { brokenWords } from "../ui/broken-words";
import { createUser, signInAsUser } from "../ui/helpers";

// A docs generator, not a test: `npm run docs:screenshots` rewrites docs/screenshots/*.png (the README's pictures),
// one test per picture. Each also checks that no table on it breaks a word in two (e2e/ui/table-words.spec.ts
// checks the same on every table page in npm test).

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function shot(page: Page, name: string) {
  expect(await brokenWords(page), name).toEqual([]);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false });
}

/** Opens a list page (light or dark) and pictures it once its table has rows. */
async function tableShot(page: Page, path: string, table: string, name: string, dark = false) {
  if (dark) await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(path);
  await expect(page.getByRole("table", { name: table }).locator("tbody > tr").first()).toBeVisible();
  await shot(page, name);
}

/** A user worth showing: a name, a session from a Kratos login. */
async function ada(page: Page) {
  const user = await createUser(page, "shot", { name: "Ada Lovelace" });
  await signInAsUser(user.email);
  return user;
}

test.describe("screenshots at 1440 px", () => {
  test.use({ viewport: DESKTOP });

  test("overview", async ({ page }) => {
    await ada(page);
    await page.goto("/");
    await expect(page.getByRole("img", { name: /Sign-ups per day/ })).toBeVisible();
    await shot(page, "overview");
  });

  test("overview, dark", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    await expect(page.getByRole("img", { name: /Sign-ups per day/ })).toBeVisible();
    await shot(page, "overview-dark");
  });

  test("users", async ({ page }) => {
    await ada(page);
    await tableShot(page, "/users", "Users", "users");
  });

  test("users, dark", async ({ page }) => {
    await tableShot(page, "/users", "Users", "users-dark", true);
  });

  test("user detail", async ({ page }) => {
    const user = await ada(page);
    await page.goto(`/users/${user.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
    await shot(page, "user-detail");
  });

  test("import dialog", async ({ page }) => {
    await page.goto("/users");
    await page.getByRole("button", { name: "Import" }).click();
    await page
      .getByLabel("Or paste CSV or JSON")
      .fill(`email,password,name\nnew-${Date.now()}@e2e.test,e2e-Import-pass-1,New Person\nbroken,x,Broken Row`);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("1 valid, 1 error")).toBeVisible();
    await shot(page, "import-dialog");
  });

  test("create-user form from the staff schema", async ({ page }) => {
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
    await shot(page, "create-user-form");
  });

  test("API keys", async ({ page }) => {
    await page.goto("/settings/api-keys");
    await expect(page.getByRole("button", { name: "Create API key" })).toBeVisible();
    await shot(page, "api-keys");
  });

  test("audit log", async ({ page }) => {
    await tableShot(page, "/audit", "Audit entries", "audit");
  });
});

test.describe("screenshots at 390 px", () => {
  test.use({ viewport: PHONE });

  test("users on a phone", async ({ page }) => {
    await ada(page);
    await tableShot(page, "/users", "Users", "users-mobile");
  });

  test("audit log on a phone, dark", async ({ page }) => {
    await tableShot(page, "/audit", "Audit entries", "audit-mobile-dark", true);
  });
});
