import type { z } from "zod";
import { pageNumber } from "@/lib/client/page-number";
import { listIdentitiesQuerySchema, type IndexListQuery } from "@/lib/schemas/identity";

/**
 * The users page keeps all of its state in the URL (search, sort, filters, page size, the cursor and the page
 * number), so reload, Back and a shared link show the same rows. Pure, so the server page and the browser parse the
 * URL the same way and the server's first page is the one the browser asks for.
 */
export type UsersUrlState = IndexListQuery & {
  /** The page number shown next to the cursor (a keyset cursor does not know it). */
  page: number;
};

export type UsersSort = UsersUrlState["sort"];

export const PAGE_SIZES = [25, 50, 100, 200];

/** Dates start with the newest, text from A. */
export const defaultOrder = (sort: UsersSort): "asc" | "desc" => (sort === "email" || sort === "name" ? "asc" : "desc");

const DEFAULTS = listIdentitiesQuerySchema.parse({});

type SearchParamsLike = Record<string, string | string[] | undefined> | URLSearchParams;

function entries(sp: SearchParamsLike): [string, string][] {
  if (sp instanceof URLSearchParams) return [...sp.entries()];
  return Object.entries(sp).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : []));
}

/** The page's state from URL search params; anything the list schema refuses falls back to the defaults. */
export function parseUsersUrl(sp: SearchParamsLike): UsersUrlState {
  const raw: Record<string, string> = {};
  for (const [k, v] of entries(sp)) if (v !== "" && !(k in raw)) raw[k] = v;
  const parsed = listIdentitiesQuerySchema.safeParse(raw);
  const { credentials_identifier: _, ...query } = parsed.success ? parsed.data : DEFAULTS;
  return {
    ...query,
    // Without an explicit order, each sort starts where people expect it (newest first, A first).
    order: parsed.success && raw.order ? query.order : defaultOrder(query.sort),
    page: pageNumber(query.page_token, raw.page),
  };
}

/** The canonical query string of a state (defaults left out), e.g. `q=ada&sort=email&order=asc`. */
export function usersSearch(s: UsersUrlState): string {
  const qs = new URLSearchParams();
  const put = (k: string, v: string | number | boolean | undefined, fallback?: string | number) => {
    if (v !== undefined && v !== "" && v !== fallback) qs.set(k, String(v));
  };
  put("q", s.q);
  put("sort", s.sort, DEFAULTS.sort);
  put("order", s.order, defaultOrder(s.sort));
  put("state", s.state);
  put("provider", s.provider);
  put("schema_id", s.schema_id);
  put("admin", s.admin);
  put("verified", s.verified);
  put("page_size", s.page_size, DEFAULTS.page_size);
  if (s.page_token) {
    put("page_token", s.page_token);
    put("page", s.page);
  }
  return qs.toString();
}

/** The list API's query for a state (every field explicit, so the API's defaults never matter). */
export function toListQuery(s: UsersUrlState): z.input<typeof listIdentitiesQuerySchema> {
  const bool = (v: boolean | undefined) => (v === undefined ? undefined : v ? "true" : "false");
  return {
    page_size: s.page_size,
    page_token: s.page_token,
    q: s.q,
    sort: s.sort,
    order: s.order,
    state: s.state,
    provider: s.provider,
    schema_id: s.schema_id,
    admin: bool(s.admin),
    verified: bool(s.verified),
  };
}

/** `/users?…` for a state. */
export const usersHref = (s: UsersUrlState) => {
  const qs = usersSearch(s);
  return qs ? `/users?${qs}` : "/users";
};

/** True when search or a filter narrows the list (the count then says "match"). */
export const isFiltered = (s: UsersUrlState) =>
  !!(s.q || s.state || s.provider || s.schema_id || s.admin !== undefined || s.verified !== undefined);
