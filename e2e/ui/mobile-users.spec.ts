import { expect, test } from "@playwright/test";
import { createUser } from "./helpers";

// The users page on a phone: each row's actions stay within reach, and emails never break mid-word.

test.use({ viewport: { width: 390, height: 844 } });

const tagOf = (what: string) => `${what}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("users page at 390 px", () => {
  test("a row's Actions menu is on screen and its View item opens the user", async ({ page }) => {
    const tag = tagOf("mobileview");
    const user = await createUser(page, tag);
    await page.goto(`/users?q=${tag}`);
    const table = page.getByRole("table", { name: "Users" });
    await expect(table.getByRole("row")).toHaveCount(2);
    const actions = table.getByRole("button", { name: /^Actions for / });
    await expect(actions).toBeInViewport();
    await actions.click();
    const menu = page.getByRole("menu", { name: /^Actions for / });
    await expect(menu.getByRole("menuitem")).toHaveText(["View", "Deactivate", "Delete…"]);
    await expect(menu.getByRole("menuitem", { name: "View" })).toBeFocused();
    await menu.getByRole("menuitem", { name: "View" }).click();
    await expect(page).toHaveURL(new RegExp(`/users/${user.id}$`));
  });

  test("Delete… from a row's menu asks for the typed confirmation, then removes the user", async ({ page }) => {
    const tag = tagOf("mobiledelete");
    await createUser(page, tag);
    await page.goto(`/users?q=${tag}`);
    const table = page.getByRole("table", { name: "Users" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await table.getByRole("button", { name: /^Actions for / }).click();
    await page.getByRole("menuitem", { name: "Delete…" }).click();
    const dialog = page.getByRole("dialog", { name: /^Delete 1 user/ });
    const confirm = dialog.getByRole("button", { name: /^Delete 1 user/ });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Type delete to confirm").fill("delete");
    await confirm.click();
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(page.getByText("No users match these filters")).toBeVisible();
  });

  test("emails stay on one line, cut with an ellipsis and whole in the tooltip", async ({ page }) => {
    const tag = tagOf("mobile-email-with-a-rather-long-local-part");
    const user = await createUser(page, tag);
    await page.goto(`/users?q=${tag}`);
    const table = page.getByRole("table", { name: "Users" });
    await expect(table.getByRole("row")).toHaveCount(2);
    // The name link (the label is the email) and the Email column: the whole address in the tooltip, on one line.
    const texts = table.getByRole("cell").getByTitle(user.email, { exact: true });
    await expect(texts).toHaveCount(2);
    for (const text of await texts.all()) {
      await expect(text).toHaveText(user.email);
      const lines = await text.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines).toBe(1);
    }
  });
});
