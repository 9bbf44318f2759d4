/**
 * The page number shown beside a keyset cursor, which does not know it: `page` from the URL, at least 2 with a token
 * and 1 without. Pure (no "use client"), so server pages and the browser read a URL alike.
 */
export function pageNumber(token: string | undefined, page: string | null | undefined): number {
  const n = Number(page);
  return token ? (Number.isInteger(n) && n >= 2 ? n : 2) : 1;
}
