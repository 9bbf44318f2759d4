"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseUsersUrl, usersHref, type UsersUrlState } from "@/components/users/users-url";
import { goPreviousPage, pushNextPage } from "@/lib/client/use-cursor";

/**
 * The users page's state, read from the URL and written back to it with the History API (Next's router follows
 * pushState/replaceState, so no server round trip). Search, sort, filters and page size replace the entry and start
 * at page 1; Next pushes an entry (page_token and page in the URL), so Back, Previous and reload keep the place.
 */
export function useUsersUrl() {
  const params = useSearchParams();
  const state = useMemo(() => parseUsersUrl(params), [params]);
  const update = useCallback(
    (patch: Partial<Omit<UsersUrlState, "page" | "page_token">>) =>
      window.history.replaceState(null, "", usersHref({ ...state, ...patch, page_token: undefined, page: 1 })),
    [state],
  );
  const next = useCallback(
    (token: string) => pushNextPage(usersHref({ ...state, page_token: token, page: state.page + 1 })),
    [state],
  );
  const prev = useCallback(() => goPreviousPage(usersHref({ ...state, page_token: undefined, page: 1 })), [state]);
  return { state, update, next, prev };
}
