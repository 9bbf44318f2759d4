import "server-only";
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import { store } from "@/lib/server/store";
import type { TrussTables } from "@/lib/server/store/schema";
import type { IndexListQuery } from "@/lib/schemas/identity";
import { counter } from "@/lib/server/services/identity-index/counters";

type Eb = ExpressionBuilder<TrussTables, "identity_index">;

/**
 * Below this many matches a filter drives the query: its own index finds the few rows, which are then sorted. Above it
 * the page walks the sort index and checks each row, which fills a page after a few rows when most rows match.
 */
const RARE_ROWS = 5_000;
/** The same for a search word on SQLite, told by probing the trigram table up to this many matches (about 1 ms). */
const RARE_MATCHES = 2_000;

type Narrowing = "state" | "schema" | "admin" | "provider";

/** How a query's filters are written: which ones are rare (drive the query) and which search words are common. */
export interface FilterPlan {
  kind: "sqlite" | "postgres";
  rare: Set<Narrowing>;
  commonTerms: Set<string>;
  /** The counters read to choose the plan, by key: the list's exact count reuses them. */
  counts: Map<string, number>;
}

/** Search words (at most 5), each matched as a substring of the identity's search text. */
export const terms = (q: string | undefined) => (q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);

// SQLite: GLOB on the FTS5 trigram table (case-sensitive tokenizer over lower-cased text, so GLOB uses the index).
const glob = (t: string) => `*${t.replace(/[*?[]/g, (c) => `[${c}]`)}*`;
// Postgres: LIKE with pg_trgm's GIN index; backslash is LIKE's default escape.
const like = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Reads the counters (and on SQLite probes the trigram table) to choose each filter's form. */
export async function planFilters(q: IndexListQuery): Promise<FilterPlan> {
  const { db, kind } = await store();
  const keys: [Narrowing, string | undefined][] = [
    ["state", q.state && `state:${q.state}`],
    ["schema", q.schema_id && `schema:${q.schema_id}`],
    ["admin", q.admin === true ? "admin" : undefined],
    ["provider", q.provider && `provider:${q.provider}`],
  ];
  const plan: FilterPlan = { kind, rare: new Set(), commonTerms: new Set(), counts: new Map() };
  await Promise.all([
    ...keys.map(async ([name, key]) => {
      if (!key) return;
      const n = await counter(key);
      plan.counts.set(key, n);
      if (n <= RARE_ROWS) plan.rare.add(name);
    }),
    ...(kind === "sqlite" ? terms(q.q).filter((t) => t.length >= 3) : []).map(async (t) => {
      const r = await sql<{ n: number }>`SELECT count(*) AS n FROM
        (SELECT rowid FROM identity_fts WHERE search GLOB ${glob(t)} LIMIT ${RARE_MATCHES + 1})`.execute(db);
      if ((r.rows[0]?.n ?? 0) > RARE_MATCHES) plan.commonTerms.add(t);
    }),
  ]);
  return plan;
}

/**
 * The WHERE terms. A rare filter or search word is written as `seq IN (…)` over its own index, so it drives the query.
 * On SQLite a common filter gets a unary plus (`+state = ?`) and a common word is tested per row, so the planner keeps
 * walking the sort index rather than reading most of the table and sorting it. A count (no ORDER BY) reads the
 * filters' covering index and the trigram table, unless a rare filter drives it.
 */
export function filters(eb: Eb, q: IndexListQuery, plan: FilterPlan, forCount = false): Expression<SqlBool>[] {
  const { kind, rare } = plan;
  const perRow = kind === "sqlite" && (!forCount || rare.size > 0);
  const where: Expression<SqlBool>[] = [];
  const plain = (column: "state" | "schema_id" | "is_admin" | "verified", value: string | number) =>
    perRow ? sql<SqlBool>`+identity_index.${sql.ref(column)} = ${value}` : eb(column, "=", value);
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
    if (kind === "postgres") where.push(sql<SqlBool>`identity_index.search LIKE ${like(t)}`);
    else if (t.length >= 3 && !(perRow && plan.commonTerms.has(t)))
      where.push(sql<SqlBool>`identity_index.seq IN (SELECT rowid FROM identity_fts WHERE search GLOB ${glob(t)})`);
    else where.push(sql<SqlBool>`identity_index.search GLOB ${glob(t)}`);
  }
  return where;
}

/** A search of one common word and nothing else is counted on the trigram table alone (no join to the rows). */
export async function countOneCommonTerm(q: IndexListQuery, plan: FilterPlan): Promise<number | null> {
  const words = terms(q.q);
  const only = words.length === 1 && plan.commonTerms.has(words[0]!);
  if (!only || q.state || q.schema_id || q.admin !== undefined || q.verified !== undefined || q.provider) return null;
  const { db } = await store();
  const r = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM identity_fts WHERE search GLOB ${glob(words[0]!)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
