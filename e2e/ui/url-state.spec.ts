import { expect, test } from "@playwright/test";
import { createUser } from "./helpers";

// Issue 18, item 4: the audit log and the sessions page keep their filters and their page in the URL, so a reload,
// Back and a shared link show the same rows (the users page has its own spec, users-index.spec.ts).

// 53 API calls, then a page walked forward, reloaded and walked back: room for a loaded machine.
test.describe.configure({ timeout: 120_000 });

test("the audit log keeps its filter and page 2 through a reload; Previous and Back return to page 1", async ({
  page,
}) => {
  // 53 entries by one new API key: a filter that matches exactly them, one page of 50 and a second of 3.
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const created = await page.request.post("/api/keys", {
    data: { label: `url state ${tag}`, key_type: "service_role" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { key, secret } = (await created.json()) as { key: { id: string }; secret: string };
  for (let batch = 0; batch < 53; batch += 10) {
    const emails = Array.from({ length: Math.min(10, 53 - batch) }, (_, i) => `url-${tag}-${batch + i}@example.test`);
    const answers = await Promise.all(
      emails.map((email) =>
        page.request.post("/v1/auth/identities", { data: { email }, headers: { Authorization: `Bearer ${secret}` } }),
      ),
    );
    for (const r of answers) expect(r.status(), await r.text()).toBe(201);
  }

  await page.goto(`/audit?actor=${key.id}`);
  const table = page.getByRole("table", { name: "Audit entries" });
  const pager = page.getByRole("navigation", { name: "Pagination" });
  const entries = table.locator("tbody > tr");
  await expect(entries).toHaveCount(50);
  await expect(page.getByRole("textbox", { name: "Actor (email or id)" })).toHaveValue(key.id);
  const firstPage = await entries.allTextContents();

  await pager.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page_token=[^&]+&page=2/);
  await expect(entries).toHaveCount(3);
  const secondPage = await entries.allTextContents();
  expect(secondPage.filter((row) => firstPage.includes(row))).toEqual([]);

  await page.reload();
  await expect(entries).toHaveText(secondPage);
  await expect(pager).toContainText("Page 2");
  await expect(page.getByRole("textbox", { name: "Actor (email or id)" })).toHaveValue(key.id);

  await pager.getByRole("button", { name: "Previous" }).click();
  await expect(page).not.toHaveURL(/page_token/);
  await expect(entries).toHaveText(firstPage);
  await expect(pager).toContainText("Page 1");

  await page.goForward();
  await expect(entries).toHaveText(secondPage);
  await page.goBack();
  await expect(entries).toHaveText(firstPage);
  await expect(page).toHaveURL(new RegExp(`actor=${key.id}`));
});

test("the sessions page keeps its user filter through a reload, and Clear empties it", async ({ page }) => {
  const user = await createUser(page, "urlsess");
  await page.goto("/sessions");
  const filter = page.getByRole("textbox", { name: "Filter by user" });
  await filter.fill(user.email);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`identity=${encodeURIComponent(user.email)}`));
  await expect(page.getByText("This user is signed out everywhere.")).toBeVisible();

  await page.reload();
  await expect(filter).toHaveValue(user.email);
  await expect(page.getByText("This user is signed out everywhere.")).toBeVisible();

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(filter).toHaveValue("");
});
