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
  if (!Number.isInteger(n) || n < 0) throw badRequest(`Unable to parse ${key}: ${v}`);
  return n;
}

/** `active` boolean filter; a bad value is a 400 like strconv.ParseBool failing. */
export function boolParam(q: URLSearchParams, key: string): boolean | undefined {
  const v = q.get(key);
  if (v === null || v === "") return undefined;
  if (["true", "1", "t", "T", "TRUE", "True"].includes(v)) return true;
  if (["false", "0", "f", "F", "FALSE", "False"].includes(v)) return false;
  throw badRequest(`could not parse parameter ${key} as boolean: ${v}`);
}

export function clampPageSize(raw: number | undefined, def: number, max: number): number {
  if (raw === undefined || raw <= 0) return def;
  return Math.min(raw, max);
}

/** ory/x page-pagination Link (first/next/prev/last, 0-based `page`). */
export function pageLinks(path: string, base: URLSearchParams, page: number, perPage: number, total: number) {
  const last = Math.max(0, Math.ceil(total / perPage) - 1);
  const rel = (name: string, p: number) => ({
    rel: name,
    set: { page: String(p), per_page: String(perPage) },
    drop: ["page_token", "page_size"],
  });
  const rels = [rel("first", 0)];
  if (page < last) rels.push(rel("next", page + 1));
  if (page > 0) rels.push(rel("prev", Math.min(page - 1, last)));
  rels.push(rel("last", last));
  return linkHeader(path, base, rels);
}
