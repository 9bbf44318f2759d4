import type { Page } from "@playwright/test";

/**
 * Every place where the browser broke a table cell's text between two letters or digits, as "table › column: text".
 * Breaks at spaces, hyphens, or at the <wbr> points put in emails and ids (separate text nodes) are fine; a break
 * inside a word ("ad|min@exam|ple") is what issue 18 saw at 390 px. Measured per character with Range rectangles.
 */
export function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const word = /[\p{L}\p{N}]/u;
    for (const table of document.querySelectorAll("table")) {
      const name = table.querySelector("caption")?.textContent?.trim() ?? table.getAttribute("aria-label") ?? "table";
      const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
      for (const cell of table.querySelectorAll("td, th")) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? "";
          if (text.trim().length < 2) continue;
          const whole = document.createRange();
          whole.selectNodeContents(n);
          const lines = new Set([...whole.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size < 2) continue;
          const range = document.createRange();
          let lastTop: number | null = null;
          for (let i = 0; i < text.length; i++) {
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const rect = [...range.getClientRects()].find((r) => r.width > 0);
            if (!rect) continue;
            const top = Math.round(rect.top);
            if (lastTop !== null && top > lastTop + 2 && word.test(text[i - 1] ?? "") && word.test(text[i]!)) {
              const column = heads[(cell as HTMLTableCellElement).cellIndex] ?? "";
              bad.push(`${name} › ${column}: "${text.slice(0, i)}|${text.slice(i)}"`);
              break;
            }
            lastTop = top;
          }
        }
      }
    }
    return bad;
  });
}

/** The four looks every table is checked in: 1440 and 390 px wide, light and dark. */
export const LOOKS = [
  { width: 1440, height: 900, colorScheme: "light" },
  { width: 1440, height: 900, colorScheme: "dark" },
  { width: 390, height: 844, colorScheme: "light" },
  { width: 390, height: 844, colorScheme: "dark" },
] as const;
