import { expect, test, type Locator, type Page } from "@playwright/test";
import { createUser } from "./helpers";

// The overview's daily charts on a phone: readable axes, gridline labels, and each day's exact count on hover and focus.

test.use({ viewport: { width: 390, height: 844 } });

interface DailyCount {
  date: string;
  count: number;
}

const X_LABEL = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}$/;

/** The chart whose caption starts with `title` (its figure is named by the caption). */
const chart = (page: Page, title: string): Locator => page.getByRole("figure", { name: new RegExp(`^${title}`) });

async function boxes(items: Locator) {
  const out = [];
  for (const item of await items.all()) {
    const box = await item.boundingBox();
    expect(box).not.toBeNull();
    out.push(box!);
  }
  return out;
}

test.describe("overview charts at 390 px", () => {
  test("x labels are at least 11 px and never overlap; the y axis has at least three labels", async ({ page }) => {
    await page.goto("/");
    for (const title of ["Sign-ups per day", "Sign-ins per day"]) {
      const figure = chart(page, title);
      await expect(figure.getByRole("img", { name: new RegExp(`^${title}: `) })).toBeVisible();

      const xs = figure.getByText(X_LABEL);
      await expect.poll(() => xs.count()).toBeGreaterThanOrEqual(4);
      const x = (await boxes(xs)).sort((a, b) => a.x - b.x);
      for (const b of x) expect(b.height).toBeGreaterThanOrEqual(10.5);
      for (let i = 1; i < x.length; i++)
        expect(x[i]!.x, `x label ${i} overlaps the one before`).toBeGreaterThan(x[i - 1]!.x + x[i - 1]!.width);

      // y labels are the bare numbers beside the plot (0, then four even steps up to a round top).
      const ys = figure.getByText(/^\d[\d,]*$/);
      await expect.poll(() => ys.count()).toBeGreaterThanOrEqual(3);
      const y = (await boxes(ys)).sort((a, b) => a.y - b.y);
      for (const b of y) expect(b.height).toBeGreaterThanOrEqual(10.5);
      for (let i = 1; i < y.length; i++) expect(y[i]!.y).toBeGreaterThan(y[i - 1]!.y + y[i - 1]!.height);
    }
  });

  test("hovering or focusing a day's bar shows that day's exact count", async ({ page }) => {
    await createUser(page, "chart");
    await page.goto("/");
    const figure = chart(page, "Sign-ups per day");
    await expect(figure.getByRole("img", { name: /^Sign-ups per day: / })).toBeVisible();
    const stats = (await (await page.request.get("/api/stats")).json()) as { signups_per_day: DailyCount[] };
    const days = stats.signups_per_day;
    const name = (d: DailyCount) => `${d.date}: ${d.count} ${d.count === 1 ? "sign-up" : "sign-ups"}`;
    const today = days.at(-1)!;
    const yesterday = days.at(-2)!;
    expect(today.count).toBeGreaterThanOrEqual(1);

    // Mouse: the tooltip names the day and its count.
    const bar = figure.getByRole("button", { name: name(today), exact: true });
    await bar.hover();
    await expect(page.getByRole("tooltip")).toHaveText(name(today));

    // Keyboard: one tab stop for the chart; the arrow keys move a day at a time, the tooltip follows.
    await page.mouse.move(0, 0);
    await expect(page.getByRole("tooltip")).toHaveCount(0);
    await bar.focus();
    await expect(page.getByRole("tooltip")).toHaveText(name(today));
    await page.keyboard.press("ArrowLeft");
    await expect(figure.getByRole("button", { name: name(yesterday), exact: true })).toBeFocused();
    await expect(page.getByRole("tooltip")).toHaveText(name(yesterday));
    await expect(figure.locator('button[tabindex="0"]')).toHaveCount(1);
  });
});
