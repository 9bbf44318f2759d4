// The index's own query code, in-process, on a seeded data dir: `tsx --conditions=react-server --tsconfig tsconfig.json
// bench/identity-probe.ts <dataDir> '<json: {name, query}[]>'`. For each query it runs the server's listIndexed (the
// function GET /api/auth/identities calls), records the exact SQL statements and parameters it executes (by wrapping
// better-sqlite3's prepare), their EXPLAIN QUERY PLAN, and listIndexed's in-process p50. The bench uses the statements
// as the layer's baseline (the same SQL, run bare) and prints the plans when a figure misses its target.
import Database from "better-sqlite3";
import { listIdentitiesQuerySchema } from "@/lib/schemas/identity";
import { listIndexed } from "@/lib/server/services/identity-index/query";
import { closeStores } from "@/lib/server/store";

export interface ProbeStatement {
  sql: string;
  params: unknown[];
  plan: string[];
}
export interface ProbeResult {
  name: string;
  statements: ProbeStatement[];
  inProcessP50Ms: number;
  total: number;
  items: number;
  nextPageToken: string | null;
}

type Recorded = { sql: string; params: unknown[] };
let recording: Recorded[] | null = null;
const proto = Database.prototype as unknown as { prepare: (this: Database.Database, source: string) => unknown };
const prepare = proto.prepare;
proto.prepare = function (this: Database.Database, source: string) {
  const stmt = prepare.call(this, source) as Database.Statement;
  for (const m of ["all", "get", "run", "iterate"] as const) {
    const fn = stmt[m].bind(stmt) as (...a: unknown[]) => unknown;
    (stmt as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
      recording?.push({ sql: source, params: (Array.isArray(args[0]) ? args[0] : args) as unknown[] });
      return fn(...args);
    };
  }
  return stmt;
};

async function main(): Promise<void> {
  const [dataDir, specJson, samplesArg] = process.argv.slice(2);
  if (!dataDir || !specJson) throw new Error("usage: identity-probe.ts <dataDir> '<json>' [samples]");
  process.env.TRUSS_DATA_DIR = dataDir;
  const specs = JSON.parse(specJson) as { name: string; query: Record<string, string>; samples?: number }[];
  const samples = Number(samplesArg ?? 30);
  const explain = new Database(`${dataDir}/truss.sqlite`, { readonly: true });
  const out: ProbeResult[] = [];
  await listIndexed(listIdentitiesQuerySchema.parse({})); // opens (and checks the migrations of) the store first
  for (const spec of specs) {
    const { credentials_identifier: _ci, ...q } = listIdentitiesQuerySchema.parse(spec.query);
    recording = [];
    const page = await listIndexed(q);
    const statements = recording.map(({ sql, params }) => ({
      sql,
      params,
      plan: (explain.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail),
    }));
    recording = null;
    const times: number[] = [];
    const n = spec.samples ?? samples;
    const warmup = Math.min(3, n - 1);
    for (let i = 0; i < n + warmup; i++) {
      const t = performance.now();
      await listIndexed(q);
      if (i >= warmup) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push({
      name: spec.name,
      statements,
      inProcessP50Ms: Math.round((times[Math.floor(times.length / 2)] ?? 0) * 1000) / 1000,
      total: page.total,
      items: page.items.length,
      nextPageToken: page.next_page_token,
    });
  }
  explain.close();
  await closeStores();
  console.log(JSON.stringify(out));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
