import { expect, test, type Page } from "@playwright/test";

// Issue 18, item 6: the audit table keeps emails and ids on one line (cut with an ellipsis, the whole value in a
// tooltip) on a desktop and on a phone, and each entry's details open as a key: value list under its row.

interface Seeded {
  keyLabel: string;
  email: string;
}

/** An API key with a long label creates a user with a long email: an entry with a long actor and a long target. */
async function seed(page: Page): Promise<Seeded> {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const keyLabel = `Layout check key with a rather long descriptive label ${tag}`;
  const key = await page.request.post("/api/keys", { data: { label: keyLabel, key_type: "service_role" } });
  expect(key.status(), await key.text()).toBe(201);
  const { secret } = (await key.json()) as { secret: string };
  const email = `a-rather-long-mailbox-name-for-the-layout-check-${tag}@example-company.e2e.test`;
  const created = await page.request.post("/v1/auth/identities", {
    data: { email },
    headers: { Authorization: `Bearer ${secret}` },
  });
  expect(created.status(), await created.text()).toBe(201);
  return { keyLabel, email };
}

/** Every text run in the Actor and Target cells that the browser laid out on more than one line. */
function wrappedCells(page: Page): Promise<string[]> {
  return page.getByRole("table", { name: "Audit entries" }).evaluate((table) => {
    const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
    const columns = ["Actor", "Target"].map((c) => heads.indexOf(c)).filter((i) => i >= 0);
    const bad: string[] = [];
    for (const tr of table.querySelectorAll("tbody tr")) {
      const cells = tr.querySelectorAll(":scope > td");
      if (cells.length !== heads.length) continue; // an opened details row spans the table
      for (const i of columns) {
        const walker = document.createTreeWalker(cells[i]!, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          const tops = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 2)),
          );
          if (tops.size > 1) bad.push(`${heads[i]}: "${n.textContent}" on ${tops.size} lines`);
        }
      }
    }
    return bad;
  });
}

async function expectOneLinePerCell(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  const { keyLabel, email } = await seed(page);
  await page.goto("/audit");
  const table = page.getByRole("table", { name: "Audit entries" });
  const row = table.getByRole("row").filter({ hasText: keyLabel }).filter({ hasText: "identity.create" });
  await expect(row).toHaveCount(1);
  // The long label is cut, and the whole of it is the cell's tooltip.
  await expect(row.getByTitle(keyLabel, { exact: true })).toBeVisible();
  expect(await wrappedCells(page)).toEqual([]);
  // The user the key created: its full email is in the expanded details, not squeezed into the row.
  await row.getByRole("button", { name: /Details/ }).click();
  await expect(table.getByText(`email: ${email}`, { exact: true })).toBeVisible();
  expect(await wrappedCells(page)).toEqual([]);
}

test.describe("audit table layout", () => {
  test("at 1440×900 no actor or target cell wraps", async ({ page }) => {
    await expectOneLinePerCell(page, 1440, 900);
  });

  test("on a phone (390×844) no actor or target cell wraps", async ({ page }) => {
    await expectOneLinePerCell(page, 390, 844);
  });

  test("a row's Details button opens and closes its key: value list, by mouse and keyboard", async ({ page }) => {
    const { keyLabel, email } = await seed(page);
    await page.goto("/audit");
    const table = page.getByRole("table", { name: "Audit entries" });
    const row = table.getByRole("row").filter({ hasText: keyLabel }).filter({ hasText: "identity.create" });
    const details = row.getByRole("button", { name: /Details/ });
    const pair = table.getByText(`email: ${email}`, { exact: true });
    await expect(details).toHaveAttribute("aria-expanded", "false");
    await expect(pair).toHaveCount(0);

    await details.click();
    await expect(details).toHaveAttribute("aria-expanded", "true");
    await expect(pair).toBeVisible();
    await expect(table.getByText(/^actor: Layout check key/)).toBeVisible();

    await details.press("Enter");
    await expect(details).toHaveAttribute("aria-expanded", "false");
    await expect(pair).toHaveCount(0);

    await details.focus();
    await page.keyboard.press("Space");
    await expect(details).toHaveAttribute("aria-expanded", "true");
    await expect(pair).toBeVisible();
  });
});
