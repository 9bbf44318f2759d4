// The identity index at scale (issue 14), through the real HTTP API of production servers (`next start`):
//  - two Truss servers side by side on an index seeded directly (bench/identity-seed.ts) with 1,000 and 1,000,000
//    identities (BENCH_INDEX_MAX for development), against one external Kratos (real when a binary is found, else the
//    embedded one as its own process), so each server's peak RSS is Truss's alone; requests alternate between the two,
//    so the background load hits both sizes alike and each ratio (p50 at 1M / p50 at 1k) is from the same moments;
//  - GET /api/stats at 1M; the dashboard layer at 1M (bench/layer.ts);
//  - the reconciler's Kratos call rate against N identities, counted by a proxy in front of Kratos's admin port.
// The reconciler is off (TRUSS_INDEX_RECONCILE_SECONDS=0) on the seeded servers: their rows do not exist in Kratos.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { hash } from "@node-rs/bcrypt";
import { startRealKratos } from "../lib/real-kratos/index";
import { median, round } from "./http-load";
import type { SeedSummary } from "./identity-seed";
import type { ProbeResult } from "./identity-probe";
import { measureLayer, nativeSessionToken, probeIndex, runServerScript } from "./layer";
import { realKratosUnavailable } from "./real-kratos";
import { freePort, peakRssMiB, startServer, type StartedServer } from "./server";
import { countingProxy } from "../lib/testing/counting-proxy";

const ADMIN = { email: "bench-admin@bench.test", password: "Bench-admin-pass-1" };
const SMALL = 1000;
const RARE = "zwyg"; // 20 identities (all among the first 1,000) at every size: see identity-seed.ts
const RARE_MATCHES = 20;
const COMMON = "mar"; // Maria, Mark, Martin, Martinez, Marco, … : grows with the index
const TARGET = 1.5;
const STATS_TARGET_MS = 50;

interface Kratos {
  kind: "real" | "embedded";
  publicUrl: string;
  adminUrl: string;
  version: string;
  close: () => Promise<void>;
}

/** Real Kratos when a binary is found; else the embedded Kratos in its own process (`npm run kratos`). */
async function startKratos(dir: string, cost: number, log: (s: string) => void): Promise<Kratos> {
  if (!realKratosUnavailable()) {
    const k = await startRealKratos({ dir, bcryptCost: cost, offline: true, env: {} });
    const version = ((await (await fetch(`${k.adminUrl}/version`)).json()) as { version?: string }).version ?? "?";
    return { kind: "real", publicUrl: k.publicUrl, adminUrl: k.adminUrl, version, close: () => k.close() };
  }
  log("index: no Kratos binary; using the embedded Kratos as an external process");
  const [pub, adm] = [await freePort(), await freePort()];
  const child = spawn("npx", ["tsx", "lib/embedded-kratos/main.ts"], {
    env: {
      ...process.env,
      TRUSS_DATA_DIR: dir,
      EMBEDDED_KRATOS_PUBLIC_PORT: String(pub),
      EMBEDDED_KRATOS_ADMIN_PORT: String(adm),
      EMBEDDED_KRATOS_BCRYPT_COST: String(cost),
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const close = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  const publicUrl = `http://127.0.0.1:${pub}`;
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${publicUrl}/health/alive`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { kind: "embedded", publicUrl, adminUrl: `http://127.0.0.1:${adm}`, version: "embedded", close };
    await new Promise((r) => setTimeout(r, 200));
  }
  await close();
  throw new Error("index: the embedded Kratos did not start within 60 s");
}

async function seedIndex(dataDir: string, count: number, log: (s: string) => void): Promise<SeedSummary> {
  log(`index: seeding ${count.toLocaleString("en")} identities straight into ${dataDir}/truss.sqlite`);
  const out = await runServerScript("identity-seed.ts", [dataDir, String(count)], { timeoutMs: 60 * 60_000 });
  const s = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as SeedSummary;
  if (s.rows !== count || s.counts.all !== count || s.rareMatches !== RARE_MATCHES)
    throw new Error(`index: seeding ${count} failed: ${JSON.stringify(s)}`);
  log(`index: seeded ${count} in ${(s.ms / 1000).toFixed(1)} s (${s.fileMiB} MiB, doc ${s.docBytesAvg} B avg)`);
  return s;
}

/** Signs the bootstrap admin in (its first sign-in waits for the server's boot to create it in Kratos). */
async function login(base: string): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const r = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    });
    await r.arrayBuffer();
    const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    if (r.ok && cookie.startsWith("truss_session=")) return cookie;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error(`index: the bootstrap admin could not sign in to ${base}`);
}

interface Truss {
  label: string;
  dataDir: string;
  base: string;
  cookie: string;
  server: StartedServer;
  rows: number;
}

async function startTruss(label: string, dataDir: string, kratos: Kratos, rows: number): Promise<Truss> {
  const port = await freePort();
  const server = await startServer(
    {
      TRUSS_DATA_DIR: dataDir,
      KRATOS_PUBLIC_URL: kratos.publicUrl,
      KRATOS_ADMIN_URL: kratos.adminUrl,
      TRUSS_ADMIN_EMAIL: ADMIN.email,
      TRUSS_ADMIN_PASSWORD: ADMIN.password,
      TRUSS_INDEX_RECONCILE_SECONDS: "0", // the seeded rows are not in Kratos: a pass would remove them
    },
    port,
  );
  const base = `http://127.0.0.1:${port}`;
  return { label, dataDir, base, cookie: await login(base), server, rows };
}

const sqliteFile = (dir: string) => path.join(dir, "truss.sqlite");

function readOnly<T>(dir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(sqliteFile(dir), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The page token of the row in the middle of the default order (created desc): a page halfway down the list. */
function middleToken(dir: string): string {
  return readOnly(dir, (db) => {
    const { n } = db.prepare("SELECT COUNT(*) AS n FROM identity_index").get() as { n: number };
    const r = db
      .prepare("SELECT created_at, id FROM identity_index ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?")
      .get(Math.floor(n / 2)) as { created_at: string; id: string };
    return Buffer.from(JSON.stringify([r.created_at, r.id])).toString("base64url");
  });
}

interface Page {
  items: unknown[];
  total: number;
  next_page_token: string | null;
}

async function getJson<T>(t: Truss, pathAndQuery: string): Promise<{ ms: number; body: T }> {
  const started = performance.now();
  const r = await fetch(`${t.base}${pathAndQuery}`, { headers: { cookie: t.cookie } });
  const text = await r.text();
  const ms = performance.now() - started;
  if (!r.ok) throw new Error(`index: ${t.label} ${pathAndQuery} answered ${r.status}: ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) as T };
}

/** p50 of the same request on both servers, alternating (and alternating which goes first), after a warm-up. */
async function interleaved<T>(
  small: Truss,
  large: Truss,
  pathFor: (t: Truss) => string,
  samples: number,
  warmup = 3,
): Promise<{ small: number; large: number; smallBody: T; largeBody: T }> {
  const times = { small: [] as number[], large: [] as number[] };
  let smallBody: T | undefined;
  let largeBody: T | undefined;
  for (let i = 0; i < warmup + samples; i++) {
    const order = i % 2 ? ([large, small] as const) : ([small, large] as const);
    for (const t of order) {
      const { ms, body } = await getJson<T>(t, pathFor(t));
      if (t === small) smallBody ??= body;
      else largeBody ??= body;
      if (i >= warmup) times[t === small ? "small" : "large"].push(ms);
    }
  }
  return { small: median(times.small), large: median(times.large), smallBody: smallBody!, largeBody: largeBody! };
}

interface Figure {
  key: string;
  label: string;
  query: (t: Truss) => Record<string, string>;
  informational?: boolean;
  samples?: number;
  warmup?: number;
}

/** The reconciler against `identities` Kratos identities: calls per second over a steady-state window. */
async function reconcilerLoad(
  kratos: Kratos,
  root: string,
  log: (s: string) => void,
  opts: { identities: number; rps: number; intervalSeconds: number; windowSeconds: number },
): Promise<Record<string, unknown>> {
  log(`index: reconciler: seeding ${opts.identities} identities in Kratos (batch API, pre-hashed)`);
  const hashed = (await hash("Seeded-user-pass-1", 4)).replace(/^\$2b\$/, "$2a$");
  for (let b = 0; b * 1000 < opts.identities; b++) {
    const n = Math.min(1000, opts.identities - b * 1000);
    const r = await fetch(`${kratos.adminUrl}/admin/identities`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        identities: Array.from({ length: n }, (_, i) => ({
          create: {
            schema_id: "default",
            traits: { email: `reconcile-${b}-${i}@bench.test` },
            credentials: { password: { config: { hashed_password: hashed } } },
          },
        })),
      }),
    });
    const made = ((await r.json()) as { identities?: { action?: string }[] }).identities ?? [];
    if (!r.ok || made.filter((x) => x.action === "create").length !== n)
      throw new Error(`index: reconciler seeding failed: ${r.status}, ${made.length} answers`);
  }
  const proxy = await countingProxy(kratos.adminUrl);
  const passes: { at: number; identities: number; calls: number; ms: number }[] = [];
  const port = await freePort();
  const server = await startServer(
    {
      TRUSS_DATA_DIR: path.join(root, "reconciler"),
      KRATOS_PUBLIC_URL: kratos.publicUrl,
      KRATOS_ADMIN_URL: proxy.url,
      TRUSS_ADMIN_EMAIL: ADMIN.email,
      TRUSS_ADMIN_PASSWORD: ADMIN.password,
      TRUSS_INDEX_RECONCILE_SECONDS: String(opts.intervalSeconds),
      TRUSS_INDEX_RECONCILE_RPS: String(opts.rps),
    },
    port,
    {
      onStdout: (line) => {
        const m = /identity index: (\d+) identities confirmed, \d+ removed, (\d+) Kratos calls in (\d+) ms/.exec(line);
        if (m) passes.push({ at: Date.now(), identities: Number(m[1]), calls: Number(m[2]), ms: Number(m[3]) });
      },
    },
  );
  try {
    const expected = opts.identities + 1; // and the bootstrap admin
    for (let i = 0; i < 600 && !passes.some((p) => p.identities >= expected); i++)
      await new Promise((r) => setTimeout(r, 500));
    const first = passes.find((p) => p.identities >= expected);
    if (!first) throw new Error(`index: no reconciler pass confirmed ${expected} identities within 300 s`);
    log(`index: reconciler: first full pass ${JSON.stringify(first)}; counting for ${opts.windowSeconds} s`);
    const from = Date.now();
    await new Promise((r) => setTimeout(r, opts.windowSeconds * 1000));
    const to = Date.now();
    const calls = proxy.seen.filter((e) => e.at >= from && e.at < to);
    let maxInAnySecond = 0;
    let minGapMs = Infinity;
    for (let i = 1; i < calls.length; i++) minGapMs = Math.min(minGapMs, calls[i]!.at - calls[i - 1]!.at);
    for (let i = 0, j = 0; i < calls.length; i++) {
      while (calls[j]!.at <= calls[i]!.at - 1000) j++;
      maxInAnySecond = Math.max(maxInAnySecond, i - j + 1);
    }
    const byPath: Record<string, number> = {};
    for (const c of calls) {
      const key = `${c.method} ${c.path.replace(/[0-9a-f-]{36}/g, ":id")}`;
      byPath[key] = (byPath[key] ?? 0) + 1;
    }
    const inWindow = passes.filter((p) => p.at >= from && p.at < to);
    const rate = calls.length / ((to - from) / 1000);
    const out = {
      kratos: kratos.kind,
      identities: opts.identities,
      rpsLimit: opts.rps,
      intervalSeconds: opts.intervalSeconds,
      windowSeconds: round((to - from) / 1000, 1),
      calls: calls.length,
      callsPerSecond: round(rate),
      maxCallsInAnySecond: maxInAnySecond, // in (t − 1 s, t], as calls arrive at Kratos
      minGapMs,
      byPath,
      passesInWindow: inWindow.length,
      callsPerPass: inWindow.length ? median(inWindow.map((p) => p.calls)) : null,
      passMsP50: inWindow.length ? median(inWindow.map((p) => p.ms)) : null,
      peakRssMiB: peakRssMiB(server.child.pid!),
      withinLimit: rate <= opts.rps && maxInAnySecond <= opts.rps,
    };
    log(`index: reconciler: ${JSON.stringify(out)}`);
    if (!out.withinLimit)
      throw new Error(
        `index: the reconciler made ${out.callsPerSecond} calls/s (${maxInAnySecond} in one second), over ${opts.rps}`,
      );
    return out;
  } finally {
    server.stop();
    await server.exited;
    await proxy.close();
  }
}

export async function benchIdentityIndex(opts: {
  log: (s: string) => void;
  cost: number;
}): Promise<Record<string, unknown>> {
  const { log, cost } = opts;
  const large = Number(process.env.BENCH_INDEX_MAX ?? 1_000_000);
  if (!Number.isInteger(large) || large < 2 * SMALL) throw new Error("BENCH_INDEX_MAX must be an integer ≥ 2000");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "truss-bench-index-"));
  const dirs = { small: path.join(root, "small"), large: path.join(root, "large") };
  const started = Date.now();
  let kratos: Kratos | undefined;
  const servers: Truss[] = [];
  try {
    const seedSmall = await seedIndex(dirs.small, SMALL, log);
    const seedLarge = await seedIndex(dirs.large, large, log);

    kratos = await startKratos(path.join(root, "kratos"), cost, log);
    log(`index: Kratos ${kratos.kind} ${kratos.version} on ${kratos.publicUrl}`);
    const small = await startTruss("1k", dirs.small, kratos, SMALL);
    servers.push(small);
    const big = await startTruss(large >= 1e6 ? `${large / 1e6}M` : `${large / 1e3}k`, dirs.large, kratos, large);
    servers.push(big);

    // Nothing is measured on a half-seeded index: the API's count must be the file's row count, at least the seeded.
    for (const t of servers) {
      const rows = readOnly(
        t.dataDir,
        (db) => (db.prepare("SELECT COUNT(*) AS n FROM identity_index").get() as { n: number }).n,
      );
      const { body } = await getJson<Page>(t, "/api/auth/identities?page_size=50");
      if (body.total !== rows || rows < t.rows || body.items.length !== 50)
        throw new Error(`index: ${t.label}: the API counts ${body.total}, the file has ${rows}, seeded ${t.rows}`);
    }

    const tokens = new Map(servers.map((t) => [t, middleToken(t.dataDir)]));
    const figures: Figure[] = [
      { key: "firstPage", label: "first page", query: () => ({ page_size: "50" }) },
      {
        key: "deepPage",
        label: "deep page (page_token of the middle row)",
        query: (t) => ({ page_size: "50", page_token: tokens.get(t)! }),
      },
      {
        key: "lastSignIn",
        label: "sort=last_sign_in&order=desc",
        query: () => ({ page_size: "50", sort: "last_sign_in", order: "desc" }),
      },
      {
        key: "search",
        label: `q=${RARE} (${RARE_MATCHES} matches at both sizes)`,
        query: () => ({ page_size: "50", q: RARE }),
      },
      { key: "stateFilter", label: "state=inactive", query: () => ({ page_size: "50", state: "inactive" }) },
      { key: "count", label: "count (total of the unfiltered list, page_size=1)", query: () => ({ page_size: "1" }) },
      {
        key: "commonSearch",
        label: `q=${COMMON} (common fragment; informational)`,
        query: () => ({ page_size: "50", q: COMMON }),
        informational: true,
        samples: 5,
      },
      // Informational: a rare flag (3 admins at every size) and two combined filters (counted with COUNT(*)).
      {
        key: "adminFilter",
        label: "admin=true (a few admins at both sizes; informational)",
        query: () => ({ page_size: "50", admin: "true" }),
        informational: true,
        samples: 3,
        warmup: 1,
      },
      {
        key: "combinedFilters",
        label: "state=inactive&verified=false (COUNT(*); informational)",
        query: () => ({ page_size: "50", state: "inactive", verified: "false" }),
        informational: true,
        samples: 3,
        warmup: 1,
      },
    ];
    const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();

    log("index: the queries' SQL, plans and in-process time (bench/identity-probe.ts)");
    const probes = new Map<Truss, ProbeResult[]>();
    for (const t of servers)
      probes.set(
        t,
        await probeIndex(
          t.dataDir,
          figures.map((f) => ({ name: f.key, query: f.query(t), samples: f.informational ? 1 : 5 })),
        ),
      );

    const list: Record<string, unknown> = {};
    for (const f of figures) {
      const r = await interleaved<Page>(
        small,
        big,
        (t) => `/api/auth/identities?${qs(f.query(t))}`,
        f.samples ?? 81,
        f.warmup,
      );
      if (r.smallBody.items.length === 0 || r.largeBody.items.length === 0)
        throw new Error(`index: ${f.key} returned no rows`);
      if (f.key === "search" && (r.smallBody.total !== RARE_MATCHES || r.largeBody.total !== RARE_MATCHES))
        throw new Error(`index: q=${RARE} matched ${r.smallBody.total} / ${r.largeBody.total}, not ${RARE_MATCHES}`);
      const ratio = round(r.large / r.small);
      const plan = (t: Truss) =>
        probes
          .get(t)
          ?.find((p) => p.name === f.key)
          ?.statements.map((s) => `${s.sql.replace(/\s+/g, " ")}  ⇒  ${s.plan.join("; ")}`);
      const inProcess = (t: Truss) => probes.get(t)?.find((p) => p.name === f.key)?.inProcessP50Ms;
      list[f.key] = {
        label: f.label,
        p50LargeMs: round(r.large),
        p50SmallMs: round(r.small),
        ratio,
        totalLarge: r.largeBody.total,
        totalSmall: r.smallBody.total,
        listIndexedInProcessP50Ms: { large: inProcess(big), small: inProcess(small) },
        ...(f.informational ? { informational: true } : { withinTarget: ratio <= TARGET }),
        planLarge: plan(big),
      };
      log(`index: ${f.key}: ${JSON.stringify(list[f.key])}`);
    }

    log("index: GET /api/stats");
    const stats = await interleaved<{ users: { total: number } }>(small, big, () => "/api/stats", 81);
    if (stats.largeBody.users.total !== seedLarge.rows && stats.largeBody.users.total !== seedLarge.rows + 1)
      throw new Error(`index: /api/stats counts ${stats.largeBody.users.total} users, seeded ${seedLarge.rows}`);
    const statsOut = {
      p50LargeMs: round(stats.large),
      p50SmallMs: round(stats.small),
      usersTotalLarge: stats.largeBody.users.total,
      targetMs: STATS_TARGET_MS,
      withinTarget: stats.large < STATS_TARGET_MS,
    };
    log(`index: stats: ${JSON.stringify(statsOut)}`);
    const rss = { large: peakRssMiB(big.server.child.pid!), small: peakRssMiB(small.server.child.pid!) };

    log(`index: the dashboard layer at ${big.label} (Truss list vs whoami + the same SQL)`);
    const layer = await measureLayer({
      log,
      base: big.base,
      cookie: big.cookie,
      kratosPublicUrl: kratos.publicUrl,
      kratosAdminUrl: kratos.adminUrl,
      sessionToken: await nativeSessionToken(kratos.publicUrl, ADMIN.email, ADMIN.password),
      dataDir: big.dataDir,
      label: `index ${big.label}`,
    });

    const rssAfterLayer = peakRssMiB(big.server.child.pid!);
    for (const t of servers.splice(0)) {
      t.server.stop();
      await t.server.exited;
    }

    const reconciler = await reconcilerLoad(kratos, root, log, {
      identities: Number(process.env.BENCH_RECONCILE_IDENTITIES ?? 5000),
      rps: 5,
      intervalSeconds: 1,
      windowSeconds: Number(process.env.BENCH_RECONCILE_WINDOW ?? 60),
    });

    return {
      sizes: { small: SMALL, large },
      kratos: { kind: kratos.kind, version: kratos.version },
      seed: { small: seedSmall, large: seedLarge },
      list,
      stats: statsOut,
      layer,
      peakRssMiB: {
        trussAloneLarge: rss.large,
        trussAloneSmall: rss.small,
        trussAloneLargeAfterLayerLoad: rssAfterLayer,
        trussAloneReconciler: reconciler.peakRssMiB,
      },
      reconciler,
      target: `p50 at ${large} / p50 at ${SMALL} <= ${TARGET}; /api/stats < ${STATS_TARGET_MS} ms`,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    for (const t of servers) {
      t.server.stop();
      await t.server.exited;
    }
    await kratos?.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
