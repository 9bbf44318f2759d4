"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { pageNumber } from "@/lib/client/page-number";

/** history.state marker: this entry was reached with Next from the entry before it (so Previous is Back). */
const FROM_NEXT = "trussCursorNext";

/** Follows a page token: a new history entry, so Back and reload keep the place. */
export function pushNextPage(href: string): void {
  window.history.pushState({ [FROM_NEXT]: true }, "", href);
}

/** Back when the entry before is the page before; opened at page N from a link, start again at page 1. */
export function goPreviousPage(firstPageHref: string): void {
  const entry: unknown = window.history.state;
  if (entry && typeof entry === "object" && FROM_NEXT in entry) window.history.back();
  else window.history.pushState(null, "", firstPageHref);
}

/** The current path with some query parameters set or removed (undefined or "" removes). */
function withParams(patch: Record<string, string | undefined>): string {
  const qs = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(patch)) {
    if (v) qs.set(k, v);
    else qs.delete(k);
  }
  const s = qs.toString();
  return s ? `${window.location.pathname}?${s}` : window.location.pathname;
}

/**
 * A cursor-paginated list whose whole state lives in the URL: its filters, `page_token` and `page`. Filters replace the
 * entry and start at page 1; Next pushes an entry, so reload, Back and a shared link show the same rows. Written with the
 * History API, which Next's router follows without a server round trip.
 */
export function useUrlCursor<F extends string>(filterNames: readonly F[]) {
  const params = useSearchParams();
  const token = params.get("page_token") || undefined;
  const page = pageNumber(token, params.get("page"));
  const key = filterNames.map((n) => params.get(n) ?? "").join("\u0000");
  const filters = useMemo(
    () => Object.fromEntries(key.split("\u0000").map((v, i) => [filterNames[i], v])) as Record<F, string>,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is the filters' values
    [key],
  );
  const setFilters = useCallback(
    (patch: Partial<Record<F, string>>) =>
      window.history.replaceState(null, "", withParams({ ...patch, page_token: undefined, page: undefined })),
    [],
  );
  const next = useCallback(
    (nextToken: string) => pushNextPage(withParams({ page_token: nextToken, page: String(page + 1) })),
    [page],
  );
  const prev = useCallback(() => goPreviousPage(withParams({ page_token: undefined, page: undefined })), []);
  return { filters, token, page, setFilters, next, prev };
}
