"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseUsersUrl, usersHref, type UsersUrlState } from "@/components/users/users-url";

/** history.state marker: this entry was reached with Next from the entry before it (so Previous is Back). */
const FROM_NEXT = "trussUsersNext";

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
    (token: string) =>
      window.history.pushState(
        { [FROM_NEXT]: true },
        "",
        usersHref({ ...state, page_token: token, page: state.page + 1 }),
      ),
    [state],
  );
  const prev = useCallback(() => {
    const entry: unknown = window.history.state;
    if (entry && typeof entry === "object" && FROM_NEXT in entry) window.history.back();
    // Opened at page N from a link: the pages before are not in this tab's history, so start again at page 1.
    else window.history.pushState(null, "", usersHref({ ...state, page_token: undefined, page: 1 }));
  }, [state]);
  return { state, update, next, prev };
}
