import { expect, test } from "@playwright/test";
import { DASHBOARD_PAGES } from "../fixtures";

test.describe("content security policy", () => {
  test("no page trips the nonce CSP (no blocked script or style)", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });
    for (const path of DASHBOARD_PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    expect(violations).toEqual([]);
  });
});
