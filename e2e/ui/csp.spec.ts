import { expect, test } from "@playwright/test";

test.describe("content security policy", () => {
  test("no page trips the nonce CSP (no blocked script or style)", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });
    for (const path of [
      "/",
      "/users",
      "/sessions",
      "/providers",
      "/settings/api-keys",
      "/audit",
      "/messages",
      "/docs/api",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    expect(violations).toEqual([]);
  });
});
