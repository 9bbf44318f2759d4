import type { Hono } from "hono";
import type { KratosDeps } from "../deps";
import { KratosError, badRequest } from "../errors";
import { isUuid } from "../http";
import { normalizeIdentifier } from "../schema/registry";
import type { IdentityFilter } from "../store/identity-store";
import { adminIdentity, includeCredentials } from "./identity-encoding";
import { clampPageSize, intParam, linkHeader, offsetLinks, pageFormatter, requestQuery } from "./pagination";

const ZERO_UUID = "00000000-0000-0000-0000-000000000000";
const PATH = "/admin/identities";

function parseFilter(q: URLSearchParams): IdentityFilter | undefined {
  const filters: IdentityFilter[] = [];
  const ids = q.getAll("ids");
  if (ids.length > 500) throw badRequest("The number of ids to filter must not exceed 500.");
  for (const id of ids) {
    if (!isUuid(id)) throw badRequest(`Invalid UUID value \`${id}\` for parameter \`ids\`.`);
  }
  if (ids.length > 0) filters.push({ kind: "ids", ids: ids.map((i) => i.toLowerCase()) });
  const ident = q.get("credentials_identifier");
  if (ident) filters.push({ kind: "identifier", normalized: normalizeIdentifier(ident), raw: ident });
  const similar = q.get("preview_credentials_identifier_similar");
  if (similar) filters.push({ kind: "prefix", prefix: normalizeIdentifier(similar) });
  const org = q.get("organization_id");
  if (org) filters.push({ kind: "ids", ids: [] }); // no organizations here: matches nothing
  if (filters.length > 1) throw badRequest("You cannot combine multiple filters in this API");
  return filters[0];
}

/** GET /admin/identities: keyset pagination by id, or legacy page pagination when `page` is set. */
export function registerIdentityListRoutes(app: Hono, deps: KratosDeps): void {
  app.get(PATH, (c) => {
    const q = requestQuery(c);
    const filter = parseFilter(q);
    const withConfig = includeCredentials(c);
    const showCredentials = withConfig.length > 0 || filter?.kind === "identifier" || filter?.kind === "prefix";
    const encode = (recs: ReturnType<typeof deps.store.identities.list>) =>
      recs.map((r) => adminIdentity(r, deps, { credentials: showCredentials, withConfig }));

    const legacy = q.has("page") && !q.has("page_token") && !q.has("page_size");
    if (legacy) {
      const page = intParam(q, "page") ?? 0;
      const perPage = clampPageSize(intParam(q, "per_page"), 250, 500);
      if (page * perPage > 1000) {
        throw badRequest(
          "Legacy pagination is not supported for enumerating over 1000 items. Please switch to using page_token and page_size.",
        );
      }
      const items = deps.store.identities.list({ limit: perPage, offset: page * perPage, filter });
      const total = deps.store.identities.count();
      c.header("X-Total-Count", String(total));
      c.header("Link", offsetLinks(PATH, q, total, page, perPage, pageFormatter));
      return c.json(encode(items));
    }

    const pageSize = clampPageSize(intParam(q, "page_size") ?? intParam(q, "per_page"), 250, 500);
    const token = q.get("page_token");
    if (token !== null && token !== "" && !isUuid(token)) {
      throw new KratosError(400, { reason: "The page token is invalid, do not craft your own page tokens" });
    }
    const afterId = token ? token.toLowerCase() : undefined;
    const rows = deps.store.identities.list({ limit: pageSize + 1, afterId, filter });
    const page = rows.slice(0, pageSize);
    const rels = [{ rel: "first", set: { page_size: String(pageSize), page_token: ZERO_UUID } }];
    const last = page[page.length - 1];
    if (rows.length > pageSize && last) {
      rels.push({ rel: "next", set: { page_size: String(pageSize), page_token: last.id } });
    }
    c.header("Link", linkHeader(PATH, withoutPerPage(q), rels));
    return c.json(encode(page));
  });
}

/** The keyset links carry page_size, so a per_page alias would only be noise. */
function withoutPerPage(q: URLSearchParams): URLSearchParams {
  const copy = new URLSearchParams(q);
  copy.delete("per_page");
  copy.delete("page");
  return copy;
}
