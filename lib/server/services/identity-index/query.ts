import "server-only";
import { sql, type SqlBool } from "kysely";
import { store } from "@/lib/server/store";
import { ApiError } from "@/lib/server/http/errors";
import { identityLabel, type Identity, type IndexedIdentityPage, type IndexListQuery } from "@/lib/schemas/identity";
import { counter } from "@/lib/server/services/identity-index/counters";
import {
  countOneCommonTerm,
  filters,
  planFilters,
  terms,
  type FilterPlan,
} from "@/lib/server/services/identity-index/filters";

const SORT_COLUMN = {
  created: "created_at",
  email: "email_key",
  name: "name_key",
  last_sign_in: "last_sign_in_key",
} as const;

/** Opaque keyset cursor: the last row's sort value and id. */
const encodeToken = (value: string, id: string) => Buffer.from(JSON.stringify([value, id])).toString("base64url");

function decodeToken(token: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string") return [v[0], v[1]];
  } catch {
    /* answered below */
  }
  throw new ApiError("validation_failed", "Invalid query.", {
    details: { issues: [{ path: "query.page_token", message: "is not a page token from this list" }] },
  });
}

/** The one counter that answers a query's count, or null when it combines filters or searches (then COUNT(*)). */
function counterFor(q: IndexListQuery): string | null {
  if (terms(q.q).length) return null;
  const keys = [
    q.state && `state:${q.state}`,
    q.schema_id && `schema:${q.schema_id}`,
    q.provider && `provider:${q.provider}`,
    q.admin !== undefined && (q.admin ? "admin" : "!admin"),
    q.verified !== undefined && (q.verified ? "verified" : "!verified"),
  ].filter((k): k is string => !!k);
  return keys.length === 0 ? "all" : keys.length === 1 ? keys[0]! : null;
}

/** The exact number of identities the query matches. */
async function countMatching(q: IndexListQuery, plan: FilterPlan): Promise<number> {
  const key = counterFor(q);
  const read = async (k: string) => plan.counts.get(k) ?? counter(k);
  if (key?.startsWith("!")) return (await read("all")) - (await read(key.slice(1)));
  if (key) return read(key);
  const fromTrigrams = await countOneCommonTerm(q, plan);
  if (fromTrigrams !== null) return fromTrigrams;
  const { db } = await store();
  const r = await db
    .selectFrom("identity_index")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where((eb) => eb.and(filters(eb, q, plan, true)))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The audit label of an identity as the index has it; null when it is not indexed. */
export async function indexedLabel(id: string): Promise<string | null> {
  const r = await (await store()).db.selectFrom("identity_index").select("doc").where("id", "=", id).executeTakeFirst();
  if (!r) return null;
  return identityLabel(JSON.parse(r.doc) as Identity);
}

/** How fresh the index is: ready once a full reconciler pass has finished, and when the last one did. */
export async function indexStatus(): Promise<{ ready: boolean; updated_at: string | null }> {
  const rows = await (await store()).db.selectFrom("index_meta").selectAll().execute();
  const meta = new Map(rows.map((r) => [r.key, r.value]));
  return { ready: meta.has("first_pass_at"), updated_at: meta.get("pass_completed_at") ?? null };
}

/** A page of identities from the index: sorted, searched, filtered, counted, with a keyset cursor. */
export async function listIndexed(q: IndexListQuery): Promise<IndexedIdentityPage> {
  const { db } = await store();
  const column = SORT_COLUMN[q.sort];
  const desc = q.order === "desc";
  const after = q.page_token ? decodeToken(q.page_token) : null;
  const plan = await planFilters(q);
  const rows = await db
    .selectFrom("identity_index")
    .select(["id", "doc", "last_sign_in_key", column])
    .where((eb) =>
      eb.and([
        ...filters(eb, q, plan),
        ...(after
          ? [
              desc
                ? sql<SqlBool>`(${sql.ref(column)}, id) < (${after[0]}, ${after[1]})`
                : sql<SqlBool>`(${sql.ref(column)}, id) > (${after[0]}, ${after[1]})`,
            ]
          : []),
      ]),
    )
    .orderBy(column, desc ? "desc" : "asc")
    .orderBy("id", desc ? "desc" : "asc")
    .limit(q.page_size + 1)
    .execute();
  const page = rows.slice(0, q.page_size);
  const last = page.at(-1);
  const [total, index] = await Promise.all([countMatching(q, plan), indexStatus()]);
  return {
    items: page.map((r) => ({
      ...(JSON.parse(r.doc) as Identity),
      last_sign_in_at: r.last_sign_in_key || null,
    })),
    next_page_token:
      rows.length > q.page_size && last
        ? encodeToken(String((last as Record<string, unknown>)[column]), last.id)
        : null,
    total,
    index,
  };
}
