import { expect, test, type Locator, type Page } from "@playwright/test";

// Issue 18, item 10: the providers page never shows "Ready" beside a failing check, its status pills stay one-line
// pills, and callback URLs wrap after a slash and copy with one click. scripts/e2e-server.ts configures Google
// (a client id Google would refuse), GitHub (no secret: incomplete) and Local OIDC (a working local issuer).

const card = (page: Page, name: string): Locator =>
  page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name, exact: true }) });

/** Where the text of `el` wraps: the character before each line break (a URL should only break after "/"). */
function lineBreaks(el: Locator): Promise<{ lines: number; before: string[] }> {
  return el.evaluate((node) => {
    const tops: number[] = [];
    const chars: string[] = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? "";
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        tops.push(rect.top);
        chars.push(text[i]!);
      }
    }
    const before: string[] = [];
    let lines = tops.length ? 1 : 0;
    for (let i = 1; i < tops.length; i++)
      if (tops[i]! > tops[i - 1]! + 2) {
        lines++;
        before.push(chars[i - 1]!);
      }
    return { lines, before };
  });
}

test.describe("providers page", () => {
  test("a failing check replaces Ready with the failure; a passing one keeps Ready", async ({ page }) => {
    await page.goto("/providers");
    const google = card(page, "Google");
    await expect(google.getByText("Ready", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Check Google" }).click();
    await expect(google.getByText("Some checks failed")).toBeVisible();
    await expect(google.getByText("Check failed", { exact: true })).toBeVisible();
    await expect(google.getByText("Ready", { exact: true })).toHaveCount(0);

    const local = card(page, "Local OIDC");
    await page.getByRole("button", { name: "Check Local OIDC" }).click();
    await expect(local.getByText("All checks passed")).toBeVisible();
    await expect(local.getByText("Ready", { exact: true })).toBeVisible();
    await expect(local.getByText("Check failed", { exact: true })).toHaveCount(0);

    // The verdicts come back after a reload: the newest check of each provider is kept (in the audit log).
    await page.reload();
    await expect(google.getByText("Some checks failed")).toBeVisible();
    await expect(google.getByText("Check failed", { exact: true })).toBeVisible();
    await expect(google.getByText(/^Checked (just now|\d+ minutes? ago) by /)).toBeVisible();
    await expect(local.getByText("All checks passed")).toBeVisible();
  });

  test("on a phone, status pills stay one line of one height", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/providers");
    // Google's pill reads "Check failed" once the test above has checked it: the newest check outlives the page.
    for (const [name, status] of [
      ["Google", /^(Ready|Check failed)$/],
      ["GitHub", /^Incomplete$/],
      ["Local OIDC", /^Ready$/],
    ] as const) {
      const pill = card(page, name).getByText(status);
      await expect(pill).toBeVisible();
      const style = await pill.evaluate((el) => {
        const s = getComputedStyle(el);
        return { display: s.display, whiteSpace: s.whiteSpace, height: el.getBoundingClientRect().height };
      });
      // inline-flex (a flex item's display computes to flex): the pill's box is the one that sizes to its text.
      expect(style, `${name}'s ${status} pill`).toMatchObject({
        display: expect.stringMatching(/flex$/),
        whiteSpace: "nowrap",
      });
      expect(style.height, `${name}'s ${status} pill height`).toBeLessThanOrEqual(26);
    }
  });

  test("on a phone, a callback URL wraps only after a slash, and its Copy button copies it", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/providers");
    const google = card(page, "Google");
    const url = google.locator("code").filter({ hasText: "/self-service/methods/oidc/callback/google" });
    await expect(url).toHaveText(/^https?:\/\/.+\/self-service\/methods\/oidc\/callback\/google$/);
    const { lines, before } = await lineBreaks(url);
    expect(lines, "the URL is too long for one line on a phone").toBeGreaterThan(1);
    expect(before).toEqual(Array(lines - 1).fill("/"));

    await google.getByRole("button", { name: "Copy callback URL" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied Google's callback URL." })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await url.textContent());
  });
});
