// Playwright uses Debian's Chromium (never `npx playwright install`: no downloads here). Tests install nothing:
// `npm run setup:test` (run by .ci/run) does, before any test runs.
import fs from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** True when Chromium is there; otherwise says how to install it. */
export function chromiumPresent() {
  if (fs.existsSync(CHROMIUM)) return true;
  console.error(
    `[test] Chromium not found at ${CHROMIUM}: run \`sudo npm run setup:test\` (Debian's chromium), or set CHROMIUM_PATH.`,
  );
  return false;
}
