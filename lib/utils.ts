import Bowser from "bowser";
/** Joins class names, skipping falsy ones (no tailwind-merge: primitives avoid conflicting classes). */
export function cn(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "30 Nov 2026, 14:05" in UTC, so server and browser render the same text (no hydration mismatch). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "—" : `${dateTime.format(d)} UTC`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "—" : dateOnly.format(d);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat("en-US").format(n);
}

/** A short, readable summary of a user agent ("Chrome on macOS"). */
/** "Safari on iOS (iPhone)", "Chrome on Linux", "API client (curl)": parsed with bowser, a maintained UA parser. */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return "Unknown device";
  const { browser, os, platform } = Bowser.parse(ua);
  if (!browser.name) {
    const tool = /^(curl|Wget|node|undici|axios|okhttp|python-requests|Go-http-client|Playwright)\b/i.exec(ua)?.[1];
    return tool ? `API client (${tool})` : "Unknown client";
  }
  const device = platform.model ?? (platform.type === "tablet" ? "tablet" : undefined);
  return `${browser.name}${os.name ? ` on ${os.name}` : ""}${device ? ` (${device})` : ""}`;
}

/** Only same-origin relative paths: one leading "/", never "//" or "/\" (open-redirect guard). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(next)) return "/";
  // A Location header carries ASCII only: percent-encode the rest (é → %C3%A9), keep what is already encoded.
  let encoded: string;
  try {
    encoded = encodeURI(decodeURI(next));
  } catch {
    return "/"; // malformed escapes or lone surrogates: nothing sensible to go back to
  }
  return encoded.startsWith("//") ? "/" : encoded;
}

/** A text field of a submitted form ("" when missing or a file). */
export function formText(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v : "";
}
