import "server-only";
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import { store } from "@/lib/server/store";
import type { TrussTables } from "@/lib/server/store/schema";
import { ApiError } from "@/lib/server/http/errors";
import type { Identity, IndexedIdentityPage, IndexListQuery } from "@/lib/schemas/identity";

type Eb = ExpressionBuilder<TrussTables, "identity_index">;

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

/** Search words (at most 5), each matched as a substring of the identity's search text. */
const terms = (q: string | undefined) => (q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);

// SQLite: GLOB on the FTS5 trigram table (case-sensitive tokenizer over lower-cased text, so GLOB uses the index).
const globLiteral = (t: string) => t.replace(/[*?[]/g, (c) => `[${c}]`);
// Postgres: LIKE with pg_trgm's GIN index; backslash is LIKE's default escape.
const likeLiteral = (t: string) => t.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Below this many matches a filter drives the query: its own index finds the few rows, which are then sorted. Above it
 * the page walks the sort index and checks each row, which fills a page after a few rows when most rows match.
 */
const RARE_ROWS = 5_000;

type Narrowing = "state" | "schema" | "admin" | "provider";

/** Which of the query's filters match few enough rows (by their exact counters) to drive the query. */
async function rareFilters(q: IndexListQuery): Promise<Set<Narrowing>> {
  const keys: [Narrowing, string | undefined][] = [
    ["state", q.state && `state:${q.state}`],
    ["schema", q.schema_id && `schema:${q.schema_id}`],
    ["admin", q.admin === true ? "admin" : undefined],
    ["provider", q.provider && `provider:${q.provider}`],
  ];
  const rare = new Set<Narrowing>();
  await Promise.all(
    keys.map(async ([name, key]) => {
      if (key && (await counter(key)) <= RARE_ROWS) rare.add(name);
    }),
  );
  return rare;
}

/**
 * The WHERE terms. A rare filter is written as `seq IN (…)` over its own index; on SQLite a common one is written with
 * unary plus (`+state = ?`) so the planner keeps the sort index instead of reading most of the table through the filter's
 * index and sorting it. A count (no ORDER BY) reads the filters' covering index, unless a rare filter drives it.
 */
function filters(
  eb: Eb,
  q: IndexListQuery,
  kind: "sqlite" | "postgres",
  rare: Set<Narrowing>,
  forCount = false,
): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  const plain = (column: "state" | "schema_id" | "is_admin" | "verified", value: string | number) =>
    kind === "sqlite" && (!forCount || rare.size > 0)
      ? sql<SqlBool>`+identity_index.${sql.ref(column)} = ${value}`
      : eb(column, "=", value);
  const narrowed = (column: "state" | "schema_id" | "is_admin", value: string | number) =>
    sql<SqlBool>`identity_index.seq IN (SELECT seq FROM identity_index WHERE ${sql.ref(column)} = ${value})`;
  if (q.state) where.push((rare.has("state") ? narrowed : plain)("state", q.state));
  if (q.schema_id) where.push((rare.has("schema") ? narrowed : plain)("schema_id", q.schema_id));
  if (q.admin !== undefined)
    where.push(rare.has("admin") ? narrowed("is_admin", 1) : plain("is_admin", q.admin ? 1 : 0));
  if (q.verified !== undefined) where.push(plain("verified", q.verified ? 1 : 0));
  if (q.provider)
    where.push(
      rare.has("provider")
        ? sql<SqlBool>`identity_index.id IN (SELECT identity_id FROM identity_providers WHERE provider = ${q.provider})`
        : eb.exists(
            eb
              .selectFrom("identity_providers")
              .select("identity_providers.identity_id")
              .whereRef("identity_providers.identity_id", "=", "identity_index.id")
              .where("identity_providers.provider", "=", q.provider),
          ),
    );
  for (const t of terms(q.q)) {
    if (kind === "postgres") where.push(sql<SqlBool>`identity_index.search LIKE ${`%${likeLiteral(t)}%`}`);
    else if (t.length >= 3)
      where.push(
        sql<SqlBool>`identity_index.seq IN (SELECT rowid FROM identity_fts WHERE search GLOB ${`*${globLiteral(t)}*`})`,
      );
    else where.push(sql<SqlBool>`identity_index.search GLOB ${`*${globLiteral(t)}*`}`);
  }
  return where;
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
async function countMatching(q: IndexListQuery, rare: Set<Narrowing>): Promise<number> {
  const key = counterFor(q);
  if (key?.startsWith("!")) return (await counter("all")) - (await counter(key.slice(1)));
  if (key) return counter(key);
  const { db, kind } = await store();
  const r = await db
    .selectFrom("identity_index")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where((eb) => eb.and(filters(eb, q, kind, rare, true)))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function counter(key: string): Promise<number> {
  const r = await (
    await store()
  ).db
    .selectFrom("identity_counts")
    .select("n")
    .where("key", "=", key)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Counters whose keys start with a prefix (e.g. "created:" or "signin:2026-11"), as a map. */
export async function countersFrom(from: string, to: string): Promise<Map<string, number>> {
  const rows = await (
    await store()
  ).db
    .selectFrom("identity_counts")
    .select(["key", "n"])
    .where("key", ">=", from)
    .where("key", "<", to)
    .execute();
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/** How fresh the index is: ready once a full reconciler pass has finished, and when the last one did. */
export async function indexStatus(): Promise<{ ready: boolean; updated_at: string | null }> {
  const rows = await (await store()).db.selectFrom("index_meta").selectAll().execute();
  const meta = new Map(rows.map((r) => [r.key, r.value]));
  return { ready: meta.has("first_pass_at"), updated_at: meta.get("pass_completed_at") ?? null };
}

/** A page of identities from the index: sorted, searched, filtered, counted, with a keyset cursor. */
export async function listIndexed(q: IndexListQuery): Promise<IndexedIdentityPage> {
  const { db, kind } = await store();
  const column = SORT_COLUMN[q.sort];
  const desc = q.order === "desc";
  const after = q.page_token ? decodeToken(q.page_token) : null;
  const rare = await rareFilters(q);
  const rows = await db
    .selectFrom("identity_index")
    .select(["id", "doc", "last_sign_in_key", column])
    .where((eb) =>
      eb.and([
        ...filters(eb, q, kind, rare),
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
  const [total, index] = await Promise.all([countMatching(q, rare), indexStatus()]);
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
