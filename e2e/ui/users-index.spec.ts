import { expect, test, type Page } from "@playwright/test";
import { createUser } from "./helpers";

// The users list from the identity index: sort, substring search, the exact count, and all of it in the URL.

const tagOf = (what: string) => `${what}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const rx = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

/** Three users sharing a tag (in their emails), and their emails A to Z. */
async function seedThree(page: Page, tag: string): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 0; i < 3; i++) emails.push((await createUser(page, tag)).email);
  return emails.sort();
}

test.describe("users index", () => {
  test("the Email header sorts the rows A to Z, then Z to A (by mouse and keyboard)", async ({ page }) => {
    const tag = tagOf("sort");
    const emails = await seedThree(page, tag);
    await page.goto(`/users?q=${tag}`);
    const table = page.getByRole("table", { name: "Users" });
    const email = table.getByRole("columnheader", { name: "Email" });
    await expect(table.getByRole("row")).toHaveCount(4);
    await expect(table.getByRole("columnheader", { name: "Created" })).toHaveAttribute("aria-sort", "descending");
    await expect(email).toHaveAttribute("aria-sort", "none");

    await email.getByRole("button").click();
    await expect(page).toHaveURL(/sort=email/);
    await expect(email).toHaveAttribute("aria-sort", "ascending");
    await expect(table.getByRole("columnheader", { name: "Created" })).toHaveAttribute("aria-sort", "none");
    await expect(table.getByRole("row")).toHaveText([/Email/, ...emails.map(rx)]);

    await email.getByRole("button").press("Enter");
    await expect(page).toHaveURL(/order=desc/);
    await expect(email).toHaveAttribute("aria-sort", "descending");
    await expect(table.getByRole("row")).toHaveText([/Email/, ...[...emails].reverse().map(rx)]);
  });

  test("search finds users by a fragment of their name, and says how many match", async ({ page }) => {
    const word = tagOf("Quillon");
    await createUser(page, "ottilie", { name: `Ottilie ${word}` });
    await createUser(page, "barnaby", { name: `Barnaby ${word}` });
    await page.goto("/users");
    const table = page.getByRole("table", { name: "Users" });
    // The middle of the name, in other letter case: words match anywhere, case-insensitively.
    const fragment = word.slice(3, -2).toUpperCase();
    await page.getByRole("searchbox", { name: "Search users" }).fill(fragment);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${fragment}`));
    await expect(page.getByText("2 users match", { exact: true })).toBeVisible();
    await expect(table.getByRole("link", { name: `Ottilie ${word}` })).toBeVisible();
    await expect(table.getByRole("link", { name: `Barnaby ${word}` })).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(3);

    // Every word must match.
    await page.getByRole("searchbox", { name: "Search users" }).fill(`${fragment} tilie`);
    await expect(page.getByText("1 user matches", { exact: true })).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("link", { name: `Ottilie ${word}` })).toBeVisible();
  });

  test("a reload on page 2 shows page 2; Previous, Forward and Back move between the pages", async ({ page }) => {
    const tag = tagOf("page");
    const [a, b, c] = await seedThree(page, tag);
    await page.goto(`/users?q=${tag}&sort=email&order=asc&page_size=2`);
    const table = page.getByRole("table", { name: "Users" });
    const pager = page.getByRole("navigation", { name: "Pagination" });
    const pageOne = [/Email/, rx(a!), rx(b!)];
    const pageTwo = [/Email/, rx(c!)];
    await expect(page.getByText("3 users match", { exact: true })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Rows per page" })).toHaveValue("2");
    await expect(table.getByRole("row")).toHaveText(pageOne);
    await expect(pager).toContainText("Page 1");

    await pager.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/page_token=[^&]+&page=2/);
    await expect(table.getByRole("row")).toHaveText(pageTwo);
    await expect(pager).toContainText("Page 2 · 3–3 of 3");

    await page.reload();
    await expect(table.getByRole("row")).toHaveText(pageTwo);
    await expect(pager).toContainText("Page 2");
    await expect(page).toHaveURL(/sort=email.*page_size=2/);

    await pager.getByRole("button", { name: "Previous" }).click();
    await expect(page).not.toHaveURL(/page_token/);
    await expect(table.getByRole("row")).toHaveText(pageOne);

    await page.goForward();
    await expect(table.getByRole("row")).toHaveText(pageTwo);
    await expect(pager).toContainText("Page 2");

    await page.goBack();
    await expect(page).not.toHaveURL(/page_token/);
    await expect(table.getByRole("row")).toHaveText(pageOne);
    await expect(pager).toContainText("Page 1");
  });

  test("the admin and verified filters narrow the list and stay in the URL", async ({ page }) => {
    const tag = tagOf("flt");
    await createUser(page, tag);
    await page.goto(`/users?q=${tag}`);
    await expect(page.getByText("1 user matches", { exact: true })).toBeVisible();
    await page.getByRole("combobox", { name: "Filter by dashboard admin" }).selectOption("Admins");
    await expect(page).toHaveURL(/admin=true/);
    await expect(page.getByText("0 users match", { exact: true })).toBeVisible();
    await expect(page.getByText("No users match these filters")).toBeVisible();
    await page.getByRole("combobox", { name: "Filter by dashboard admin" }).selectOption("Non-admins");
    await page.getByRole("combobox", { name: "Filter by verified address" }).selectOption("Unverified");
    await expect(page).toHaveURL(/admin=false.*verified=false/);
    await expect(page.getByText("1 user matches", { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Filter by verified address" })).toHaveValue("false");
    await expect(page.getByText("1 user matches", { exact: true })).toBeVisible();
  });
});
