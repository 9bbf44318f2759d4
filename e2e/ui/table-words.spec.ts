import { expect, test, type Page } from "@playwright/test";
import { brokenWords, LOOKS } from "./broken-words";
import { createUser, signInAsUser } from "./helpers";

// Issue 18: at 1440 and 390 px, light and dark, no table breaks a word in two (emails, names, labels, ids). One test
// per page; each seeds long values the page shows, then checks every look of the same page.

// Four looks of one page per test: more than the default minute on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

const tagOf = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const LONG_NAME = "Maximiliane Wolkenkratzerbewohnerin";

/** A user with a long email and name, signed in once (a session row) by a Kratos login flow. */
async function longUser(page: Page) {
  const tag = tagOf();
  const user = await createUser(page, `a-rather-long-mailbox-for-the-table-check-${tag}`, { name: LONG_NAME });
  await signInAsUser(user.email);
  return { ...user, tag };
}

async function expectWholeWords(page: Page, path: string, table: string) {
  for (const look of LOOKS) {
    await page.setViewportSize({ width: look.width, height: look.height });
    await page.emulateMedia({ colorScheme: look.colorScheme });
    await page.goto(path);
    await expect(page.getByRole("table", { name: table })).toBeVisible();
    await expect(page.getByRole("table", { name: table }).locator("tbody > tr").first()).toBeVisible();
    expect(await brokenWords(page), `${path} at ${look.width} px, ${look.colorScheme}`).toEqual([]);
  }
}

test("users: no word broken in the table at 1440 and 390 px, light and dark", async ({ page }) => {
  const user = await longUser(page);
  await expectWholeWords(page, `/users?q=${user.tag}`, "Users");
});

test("sessions: no word broken in the table at 1440 and 390 px, light and dark", async ({ page }) => {
  const user = await longUser(page);
  await expectWholeWords(page, `/sessions?identity=${encodeURIComponent(user.email)}`, "Active sessions");
});

test("a user's sessions: no word broken in the table at 1440 and 390 px, light and dark", async ({ page }) => {
  const user = await longUser(page);
  await expectWholeWords(page, `/users/${user.id}`, "Active sessions of this user");
});

test("audit log: no word broken in the table at 1440 and 390 px, light and dark", async ({ page }) => {
  const user = await longUser(page);
  await expectWholeWords(page, `/audit?target=${user.id}`, "Audit entries");
});

test("API keys: no word broken in the table at 1440 and 390 px, light and dark", async ({ page }) => {
  const label = `Nightly synchronisation from the warehouse ${tagOf()}`;
  const res = await page.request.post("/api/keys", { data: { label, key_type: "service_role" } });
  expect(res.status(), await res.text()).toBe(201);
  await expectWholeWords(page, "/settings/api-keys", "API keys");
});

test("import preview: no word broken in the table at 1440 and 390 px, light and dark", async ({ page }) => {
  const email = `a-rather-long-mailbox-for-the-import-check-${tagOf()}@example-company.e2e.test`;
  for (const look of LOOKS) {
    await page.setViewportSize({ width: look.width, height: look.height });
    await page.emulateMedia({ colorScheme: look.colorScheme });
    await page.goto("/users");
    await page.getByRole("button", { name: "Import" }).click();
    const dialog = page.getByRole("dialog", { name: "Import users" });
    await dialog.getByLabel("Or paste CSV or JSON").fill(`email,name\n${email},${LONG_NAME}\nbroken,Broken Row`);
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByRole("table", { name: "Validation results per row" })).toBeVisible();
    expect(await brokenWords(page), `import preview at ${look.width} px, ${look.colorScheme}`).toEqual([]);
  }
});
