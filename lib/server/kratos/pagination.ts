import "server-only";

/** Reads the `page_token` of the rel="next" entry of a Kratos Link header. */
export function nextPageToken(link: string | undefined): string | null {
  if (!link) return null;
  for (const part of link.split(",")) {
    if (!/rel="?next"?/.test(part)) continue;
    const m = /<([^>]+)>/.exec(part);
    if (!m?.[1]) continue;
    const token = new URL(m[1], "http://x").searchParams.get("page_token");
    if (token) return token;
  }
  return null;
}
