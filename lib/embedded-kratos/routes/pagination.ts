import type { Context } from "hono";
import { badRequest } from "../errors";

/** Builds a relative `Link` header the way ory/x does: the request path, sorted query keys. */
export function linkHeader(
  path: string,
  base: URLSearchParams,
  rels: { rel: string; set: Record<string, string>; drop?: string[] }[],
): string {
  return rels
    .map(({ rel, set, drop }) => {
      const q = new URLSearchParams(base);
      for (const d of drop ?? []) q.delete(d);
      for (const [k, v] of Object.entries(set)) q.set(k, v);
      q.sort();
      return `<${path}?${q.toString()}>; rel="${rel}"`;
    })
    .join(",");
}

export function requestQuery(c: Context): URLSearchParams {
  return new URL(c.req.url).searchParams;
}

/** Parses a non-negative integer query value; garbage falls back like Go's strconv default. */
export function intParam(q: URLSearchParams, key: string): number | undefined {
  const v = q.get(key);
  if (v === null || v === "") return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw badRequest(`Unable to parse ${key}: ${v}`);
  return n;
}

/** `active` boolean filter; a bad value is a 400 like strconv.ParseBool failing. */
export function boolParam(q: URLSearchParams, key: string): boolean | undefined {
  const v = q.get(key);
  if (v === null || v === "") return undefined;
  if (["true", "1", "t", "T", "TRUE", "True"].includes(v)) return true;
  if (["false", "0", "f", "F", "FALSE", "False"].includes(v)) return false;
  throw badRequest(undefined, `could not parse parameter ${key}`);
}

export function clampPageSize(raw: number | undefined, def: number, max: number): number {
  if (raw === undefined || raw <= 0) return def;
  return Math.min(raw, max);
}

type Formatter = (rel: string, limit: number, offset: number) => { rel: string; set: Record<string, string> };

/** ory/x pagepagination: `page` and `per_page`. */
export const pageFormatter: Formatter = (rel, limit, offset) => ({
  rel,
  set: { page: String(Math.trunc(offset / limit)), per_page: String(limit) },
});

/** ory/x migrationpagination: both parameter styles; the token is base64url of {"offset":"N","v":2}. */
export const migrationFormatter: Formatter = (rel, limit, offset) => ({
  rel,
  set: {
    page: String(Math.trunc(offset / limit)),
    per_page: String(limit),
    page_size: String(limit),
    page_token: Buffer.from(`{"offset":"${offset}","v":2}`, "utf8").toString("base64url"),
  },
});

/**
 * ory/x pagination.HeaderWithFormatter, quirks included (no `first` on the first page, a lone `first`
 * sized to the total when everything fits, `prev` at -1 when there is nothing).
 */
export function offsetLinks(
  path: string,
  base: URLSearchParams,
  total: number,
  page: number,
  perPage: number,
  f: Formatter,
): string {
  const per = perPage <= 0 ? 1 : perPage;
  const offset = page * per;
  const lastOffset = total % per === 0 ? total - per : Math.trunc(total / per) * per;
  const cur = Math.trunc(offset / per);
  let rels: { rel: string; set: Record<string, string> }[];
  if (offset >= lastOffset) {
    if (total === 0) rels = [f("first", per, 0), f("next", per, (cur + 1) * per), f("prev", per, (cur - 1) * per)];
    else if (total <= per) rels = [f("first", total, 0)];
    else rels = [f("first", per, 0), f("prev", per, lastOffset - per)];
  } else if (offset < per) {
    rels = [f("next", per, per), f("last", per, lastOffset)];
  } else {
    rels = [
      f("first", per, 0),
      f("next", per, (cur + 1) * per),
      f("prev", per, (cur - 1) * per),
      f("last", per, lastOffset),
    ];
  }
  return linkHeader(path, base, rels);
}
