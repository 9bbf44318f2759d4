// `npm run bench`: production server + embedded Kratos on free ports, seeded data, each figure beside a
// baseline measured in the same run; then the same server on real Ory Kratos (when a binary is found: KRATOS_BIN,
// PATH or the cached build). Bounded loops, 127.0.0.1 only. Writes bench/results.json and the README table.
// BENCH_ONLY=real: a shorter run (no 100k embedded-Kratos section) that prints its figures and writes no file.
// BENCH_ONLY=index: only the identity index at 1k vs 1M (bench/identity-index.ts; BENCH_INDEX_MAX to develop with a
// smaller index), merged into bench/results.json and its README table when it ran at the full 1,000,000.
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { compare, hash } from "@node-rs/bcrypt";
import { benchEmbeddedKratos } from "./embedded-kratos";
import { benchFirstRun, firstRunTable, type FirstRun } from "./first-run";
import { benchIdentityIndex } from "./identity-index";
import { measureLayer, nativeSessionToken } from "./layer";
import { benchRealKratos, realKratosUnavailable } from "./real-kratos";
import { median, round } from "./http-load";
import { freePort, peakRssMiB, startServer, waitForIndex } from "./server";

const log = (s: string) => console.error(`[bench] ${s}`);
const COST = 12;
const ADMIN = { email: "bench-admin@bench.test", password: "Bench-admin-pass-1" };
const ONLY_REAL = process.env.BENCH_ONLY === "real";
const ONLY_INDEX = process.env.BENCH_ONLY === "index";
const ONLY_FIRST_RUN = process.env.BENCH_ONLY === "first-run";
const FULL_INDEX = 1_000_000;
const PAGES = ["/", "/users", "/sessions", "/providers", "/settings/api-keys", "/audit", "/docs/api", "/login"];

async function main() {
  const started = Date.now();
  if (!fs.existsSync(".next/BUILD_ID")) {
    log("building (no .next/BUILD_ID)…");
    execSync("npx next build", { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  if (ONLY_INDEX) return onlyIndex(started);
  if (ONLY_FIRST_RUN) return onlyFirstRun();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-bench-"));
  const [port, kpub, kadm] = [await freePort(), await freePort(), await freePort()];
  const serverEnv = {
    TRUSS_DATA_DIR: dataDir,
    EMBEDDED_KRATOS_PUBLIC_PORT: String(kpub),
    EMBEDDED_KRATOS_ADMIN_PORT: String(kadm),
    EMBEDDED_KRATOS_BCRYPT_COST: String(COST),
    TRUSS_ADMIN_EMAIL: ADMIN.email,
    TRUSS_ADMIN_PASSWORD: ADMIN.password,
    // One reconciler pass at boot (it indexes what the seeding put straight into Kratos), none during the loads.
    TRUSS_INDEX_RECONCILE_SECONDS: "3600",
  };
  let server = await startServer(serverEnv, port);
  const base = `http://127.0.0.1:${port}`;
  const admin = `http://127.0.0.1:${kadm}`;
  const results: Record<string, unknown> = {
    machine: { cores: os.availableParallelism(), node: process.version },
    bcryptCost: COST,
  };
  if (!ONLY_REAL) {
    log("a new user's first run: ready → first page → setup → sign-in → pages and actions (bench/first-run.ts)");
    results.firstRun = await benchFirstRun();
  }
  try {
    log("seeding 1,000 identities (pre-hashed) through Kratos's batch API");
    const hashed = (await hash("Seeded-user-pass-1", 4)).replace(/^\$2b\$/, "$2a$");
    for (let b = 0; b < 1; b++) {
      const identities = Array.from({ length: 1000 }, (_, i) => ({
        create: {
          schema_id: "default",
          traits: { email: `seed-${b}-${i}@bench.test` },
          credentials: { password: { config: { hashed_password: hashed } } },
        },
      }));
      const seeded = await fetch(`${admin}/admin/identities`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ identities }),
      });
      const made = ((await seeded.json()) as { identities?: { action?: string }[] }).identities ?? [];
      // Measuring against an empty or half-seeded Kratos would print numbers that mean nothing: stop instead.
      if (!seeded.ok || made.filter((i) => i.action === "create").length !== identities.length)
        throw new Error(`seeding failed: ${seeded.status}, ${made.length} answers`);
    }
    // The seeding went straight to Kratos: a restart's boot pass puts it into the identity index.
    log("restarting the server so its boot reconciler pass indexes the seeded identities");
    server.stop();
    await server.exited;
    server = await startServer(serverEnv, port);

    log("login vs one password hash (verify at cost 12)");
    const verifyTimes: number[] = [];
    const stored = await hash(ADMIN.password, COST);
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await compare(ADMIN.password, stored);
      verifyTimes.push(performance.now() - t);
    }
    const loginTimes: number[] = [];
    let cookie = "";
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(ADMIN),
      });
      loginTimes.push(performance.now() - t);
      if (!r.ok) throw new Error(`bench login failed: ${r.status} ${await r.text()}`);
      cookie = (r.headers.get("set-cookie") ?? "").split(";")[0]!;
      if (!cookie.startsWith("truss_session=")) throw new Error("bench login set no truss_session cookie");
    }
    results.login = {
      loginP50Ms: round(median(loginTimes)),
      oneHashVerifyP50Ms: round(median(verifyTimes)),
      ratio: round(median(loginTimes) / median(verifyTimes)),
    };
    log(JSON.stringify(results.login));

    await waitForIndex(base, cookie, 1000);
    log("dashboard GET /api/auth/identities?page_size=100 vs whoami + the same SQL (the ideal layer)");
    const kratosPublic = `http://127.0.0.1:${kpub}`;
    results.dashboardLayer = await measureLayer({
      log,
      base,
      cookie,
      kratosPublicUrl: kratosPublic,
      kratosAdminUrl: admin,
      sessionToken: await nativeSessionToken(kratosPublic, ADMIN.email, ADMIN.password),
      dataDir,
      label: "embedded",
    });

    log("import of 500 plaintext-password users vs the ideal (500 × one hash ÷ cores)");
    const oneHash: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await hash("Probe-password-1", COST);
      oneHash.push(performance.now() - t);
    }
    const users = Array.from({ length: 500 }, (_, i) => ({
      email: `import-${i}@bench.test`,
      password: `Import-pass-${i}x`,
    }));
    // As the import dialog does: 100 rows a request, one after another (one 500-row request could outlive a
    // client's 300 s timeout on a loaded machine). The figure is the whole import.
    const t0 = performance.now();
    let createdRows = 0;
    for (let i = 0; i < users.length; i += 100) {
      const res = await fetch(`${base}/api/auth/users/import`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ users: users.slice(i, i + 100) }),
      });
      if (!res.ok) throw new Error(`import chunk ${i / 100 + 1} failed: ${res.status} ${await res.text()}`);
      createdRows += ((await res.json()) as { summary: { created: number } }).summary.created;
    }
    const importMs = performance.now() - t0;
    if (createdRows !== users.length) throw new Error(`import created ${createdRows} of ${users.length} users`);
    const imp = { summary: { created: createdRows } };
    const ideal = (500 * median(oneHash)) / os.availableParallelism();
    results.import = {
      users: 500,
      created: imp.summary?.created ?? 0,
      importMs: round(importMs),
      oneHashMs: round(median(oneHash)),
      idealMs: round(ideal),
      ratio: round(importMs / ideal),
    };
    log(JSON.stringify(results.import));

    log("first-load JS per page (gzip), from the production pages' script tags");
    const js: Record<string, number> = {};
    const sizes = new Map<string, number>();
    for (const page of PAGES) {
      const html = await (await fetch(`${base}${page}`, { headers: { cookie } })).text();
      let total = 0;
      for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) {
        const src = m[1]!;
        if (!sizes.has(src))
          sizes.set(src, gzipSync(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())).length);
        total += sizes.get(src)!;
      }
      js[page] = round(total / 1024, 1);
    }
    results.firstLoadJsKiB = js;
    results.peakRssMiB = { server: peakRssMiB(server.child.pid!) };
  } finally {
    server.stop();
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const unavailable = realKratosUnavailable();
  if (unavailable) {
    log(`real Kratos: skipped (${unavailable}); set KRATOS_BIN=/path/to/kratos to measure it`);
    results.realKratos = { skipped: unavailable };
  } else {
    results.realKratos = await benchRealKratos({
      log,
      cost: COST,
      embeddedImportMs: (results.import as { importMs: number }).importMs,
    });
  }

  if (!ONLY_REAL) {
    log("embedded Kratos: 1k vs 100k identities, batch hashing, whoami");
    results.embeddedKratos = await benchEmbeddedKratos({ log });
    log("identity index: 1k vs 1M, stats, reconciler load (bench/identity-index.ts)");
    results.identityIndex = await benchIdentityIndex({ log, cost: COST });
  }
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  const md = table(results);
  console.log(md);
  if (results.identityIndex) console.log(`\n${indexTable(results.identityIndex)}`);
  if (ONLY_REAL) {
    console.log(JSON.stringify(results, null, 2));
    log(`BENCH_ONLY=real: ${String(results.durationSeconds)} s; bench/results.json and README.md left as they were`);
    return;
  }
  const index = results.identityIndex as { sizes: { large: number } } | undefined;
  if (index && index.sizes.large !== FULL_INDEX) {
    log(`BENCH_INDEX_MAX=${index.sizes.large}: bench/results.json and README.md left as they were`);
    return;
  }
  fs.writeFileSync("bench/results.json", JSON.stringify(results, null, 2) + "\n");
  // Keep the README's Performance section current.
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores (${process.version}), bcrypt cost ${COST}, run took ${String(results.durationSeconds)} s.`;
  writeReadmeBlock("bench", `${stamp}\n\n${md}`);
  if (results.identityIndex)
    writeReadmeBlock("bench-index", indexStamp(results.identityIndex) + indexTable(results.identityIndex));
  if (results.firstRun)
    writeReadmeBlock("bench-first-run", firstRunStamp() + firstRunTable(results.firstRun as FirstRun));
}

const firstRunStamp = () =>
  `First run measured ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores (${process.version}), load average ${os.loadavg()[0]!.toFixed(1)} at the end.\n\n`;

/** BENCH_ONLY=first-run: a new user's first run alone, merged into bench/results.json and its README table. */
async function onlyFirstRun(): Promise<void> {
  const firstRun = await benchFirstRun();
  console.log(firstRunTable(firstRun));
  const file = "bench/results.json";
  const results = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  results.firstRun = firstRun;
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  writeReadmeBlock("bench-first-run", firstRunStamp() + firstRunTable(firstRun));
}

/** Replaces the README's `<!-- name:start -->…<!-- name:end -->` block (in the Performance section). */
function writeReadmeBlock(name: string, body: string): void {
  const readme = fs.readFileSync("README.md", "utf8");
  const block = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  if (!block.test(readme)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> block`);
  fs.writeFileSync(
    "README.md",
    readme.replace(block, () => `<!-- ${name}:start -->\n${body}\n<!-- ${name}:end -->`),
  );
}

/** BENCH_ONLY=index: the identity index part alone, merged into bench/results.json when run at full size. */
async function onlyIndex(started: number): Promise<void> {
  const index = await benchIdentityIndex({ log, cost: COST });
  console.log(indexTable(index));
  console.log(JSON.stringify(index, null, 2));
  const large = (index.sizes as { large: number }).large;
  if (large !== FULL_INDEX) {
    log(
      `BENCH_INDEX_MAX=${large}: ${Math.round((Date.now() - started) / 1000)} s; bench/results.json and README.md left as they were`,
    );
    return;
  }
  const file = "bench/results.json";
  const results = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  results.identityIndex = index;
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  writeReadmeBlock("bench-index", indexStamp(index) + indexTable(index));
}

function indexStamp(index: unknown): string {
  const i = index as { durationSeconds: number; kratos: { kind: string; version: string } };
  return `Identity index measured ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores (${process.version}), Kratos ${i.kratos.kind} ${i.kratos.version}; this part took ${String(i.durationSeconds)} s.\n\n`;
}

const get = (o: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
const str = (v: unknown) =>
  v === undefined || v === null ? "-" : typeof v === "object" ? JSON.stringify(v) : `${v as number}`;

/** The identity index table: each list figure at 1M beside 1k, stats, the layer at 1M, the reconciler, memory. */
function indexTable(r: unknown): string {
  const rows: string[][] = [];
  const large = Number(get(r, "sizes", "large")).toLocaleString("en");
  for (const [key, f] of Object.entries((get(r, "list") ?? {}) as Record<string, Record<string, unknown>>)) {
    const totals = key === "count" || f.informational ? ` (total ${str(f.totalLarge)} / ${str(f.totalSmall)})` : "";
    rows.push([
      `GET /api/auth/identities ${str(f.label)}${totals}: p50 ms at ${large}`,
      str(f.p50LargeMs),
      `1,000: ${str(f.p50SmallMs)}`,
      `×${str(f.ratio)}${f.informational ? " (info)" : ""}`,
    ]);
  }
  rows.push([
    `GET /api/stats p50 ms at ${large} (target < ${str(get(r, "stats", "targetMs"))})`,
    str(get(r, "stats", "p50LargeMs")),
    `1,000: ${str(get(r, "stats", "p50SmallMs"))}`,
    "-",
  ]);
  for (const c of ["c1", "c16"]) {
    const l = get(r, "layer", c);
    rows.push([
      `Layer at ${large}: GET /api/auth/identities?page_size=100, ${c.slice(1)} client(s): p50 / p99 ms, req/s`,
      `${str(get(l, "dashboard", "p50"))} / ${str(get(l, "dashboard", "p99"))}, ${str(get(l, "dashboard", "rps"))}`,
      `whoami + same SQL: ${str(get(l, "ideal", "p50"))} / ${str(get(l, "ideal", "p99"))}, ${str(get(l, "ideal", "rps"))}`,
      `p50 ×${str(get(l, "p50Ratio"))}`,
    ]);
  }
  const l = get(r, "layer");
  rows.push([
    `Layer at ${large}: lower bound of any Next route doing this, 1 client: p50 ms of the floor (same route's 405) + session check (whoami ∥ admin lookup, bare) + SQL`,
    `${str(get(l, "floorP50Ms"))} + ${str(get(l, "sessionCheckP50Ms"))} + ${str(get(l, "bareSqlP50Ms"))} = ${str(get(l, "lowerBoundP50Ms"))}`,
    `whoami + same SQL: ${str(get(l, "c1", "ideal", "p50"))}`,
    `×${str(get(l, "lowerBoundRatio"))}`,
  ]);
  const rec = get(r, "reconciler");
  rows.push([
    `Reconciler, ${str(get(rec, "identities"))} identities in Kratos, pass every ${str(get(rec, "intervalSeconds"))} s: Kratos calls/s over ${str(get(rec, "windowSeconds"))} s (most in any one second; shortest gap between two calls, ms)`,
    `${str(get(rec, "callsPerSecond"))} (${str(get(rec, "maxCallsInAnySecond"))}; ${str(get(rec, "minGapMs"))})`,
    `limit TRUSS_INDEX_RECONCILE_RPS=${str(get(rec, "rpsLimit"))}`,
    `×${str(round(Number(get(rec, "callsPerSecond")) / Number(get(rec, "rpsLimit"))))}`,
  ]);
  rows.push([
    `Peak RSS of the Truss server alone (MiB): ${large}-row index / same after the layer load / 1,000 rows / reconciling`,
    ["trussAloneLarge", "trussAloneLargeAfterLayerLoad", "trussAloneSmall", "trussAloneReconciler"]
      .map((k) => str(get(r, "peakRssMiB", k)))
      .join(" / "),
    "-",
    "-",
  ]);
  rows.push([
    `Seeding ${large} index rows directly (s; file MiB)`,
    `${str(round(Number(get(r, "seed", "large", "ms")) / 1000, 1))}; ${str(get(r, "seed", "large", "fileMiB"))}`,
    "-",
    "-",
  ]);
  return [
    `| Identity index (1,000 vs ${large}, Kratos ${str(get(r, "kratos", "kind"))}) | Value | Baseline (same run) | Ratio |`,
    "|---|---|---|---|",
    ...rows.map((x) => `| ${x.join(" | ")} |`),
  ].join("\n");
}

function table(r: Record<string, unknown>): string {
  const g = (o: unknown, ...keys: string[]): unknown =>
    keys.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
  const rows: [string, string, string, string][] = [];
  const add = (name: string, value: unknown, baseline: unknown, ratio: unknown) =>
    rows.push([name, String(value), String(baseline), String(ratio)]);
  const layerRows = (prefix: string, layer: unknown) => {
    for (const c of ["c1", "c16"]) {
      const l = g(layer, c);
      add(
        `${prefix}GET /api/auth/identities?page_size=100, ${c.slice(1)} client(s): p50 / p99 ms, req/s`,
        `${String(g(l, "dashboard", "p50"))} / ${String(g(l, "dashboard", "p99"))}, ${String(g(l, "dashboard", "rps"))}`,
        `whoami + same SQL: ${String(g(l, "ideal", "p50"))} / ${String(g(l, "ideal", "p99"))}, ${String(g(l, "ideal", "rps"))}`,
        `p50 ×${String(g(l, "p50Ratio"))}`,
      );
    }
    add(
      `${prefix}same, 1 client, p50 ms vs the parts alone`,
      g(layer, "c1", "dashboard", "p50"),
      `whoami ${String(g(layer, "bareWhoamiP50Ms"))} + SQL ${String(g(layer, "bareSqlP50Ms"))} = ${String(g(layer, "sumOfPartsP50Ms"))}`,
      `×${String(g(layer, "p50RatioToSumOfParts"))}`,
    );
    add(
      `${prefix}lower bound of any Next route doing this, 1 client: p50 ms of the floor (same route's 405) + session check (whoami ∥ admin lookup, bare) + SQL`,
      `${String(g(layer, "floorP50Ms"))} + ${String(g(layer, "sessionCheckP50Ms"))} + ${String(g(layer, "bareSqlP50Ms"))} = ${String(g(layer, "lowerBoundP50Ms"))}`,
      `whoami + same SQL: ${String(g(layer, "c1", "ideal", "p50"))}`,
      `×${String(g(layer, "lowerBoundRatio"))}`,
    );
  };
  layerRows("", g(r, "dashboardLayer"));
  const k = g(r, "embeddedKratos");
  if (k)
    for (const [name, key] of [
      ["first page of 250", "firstPage"],
      ["page_token page deep in the list", "deepPage"],
      ["identifier prefix search", "prefixSearch"],
    ] as const)
      add(
        `Kratos list, ${name}: 100k (ms)`,
        g(k, "list", "100k", `${key}Ms`),
        `1k: ${String(g(k, "list", "1k", `${key}Ms`))}`,
        `×${String(g(k, "list", "ratio100kTo1k", key))}`,
      );
  if (k)
    add(
      "Kratos batch of 200 plaintext (ms)",
      g(k, "batch", "batchMs"),
      `200 × hash ÷ cores: ${String(g(k, "batch", "idealMs"))}`,
      `×${String(g(k, "batch", "ratio"))}`,
    );
  add(
    "Truss import of 500 plaintext (ms)",
    g(r, "import", "importMs"),
    `500 × hash ÷ cores: ${String(g(r, "import", "idealMs"))}`,
    `×${String(g(r, "import", "ratio"))}`,
  );
  add(
    "Dashboard login p50 (ms)",
    g(r, "login", "loginP50Ms"),
    `one bcrypt verify: ${String(g(r, "login", "oneHashVerifyP50Ms"))}`,
    `×${String(g(r, "login", "ratio"))}`,
  );
  if (k)
    add(
      "Kratos whoami p50 (ms)",
      g(k, "whoami", "whoamiP50Ms"),
      `/health/alive: ${String(g(k, "whoami", "healthP50Ms"))}`,
      `×${String(g(k, "whoami", "ratio"))}`,
    );
  const real = g(r, "realKratos");
  if (g(real, "skipped")) add("Real Kratos figures", "not measured", String(g(real, "skipped")), "-");
  else if (real) {
    const v = String(g(real, "version"));
    layerRows(`Real Kratos ${v}: `, g(real, "dashboardLayer"));
    const imp = g(real, "import");
    add(
      `Real Kratos: Truss import of ${String(g(imp, "users"))} plaintext (ms; created ${String(g(imp, "created"))})`,
      g(imp, "importMs"),
      `embedded server, same rows: ${String(g(imp, "embeddedImportMs"))}`,
      `×${String(g(imp, "ratioToEmbedded"))}`,
    );
    add(
      `Real Kratos: Truss import of ${String(g(imp, "users"))} plaintext (ms)`,
      g(imp, "importMs"),
      `${String(g(imp, "users"))} × hash, serial: ${String(g(imp, "serialIdealMs"))}`,
      `×${String(g(imp, "ratioToSerialIdeal"))}`,
    );
    add(
      "Real Kratos: dashboard login p50 (ms)",
      g(real, "login", "loginP50Ms"),
      `Kratos native login flow: ${String(g(real, "login", "kratosNativeLoginP50Ms"))} (one bcrypt verify: ${String(g(real, "login", "oneHashVerifyP50Ms"))})`,
      `×${String(g(real, "login", "ratio"))}`,
    );
  }
  add("Peak RSS of the server (MiB)", g(r, "peakRssMiB", "server"), "-", "-");
  for (const [page, kib] of Object.entries((r.firstLoadJsKiB ?? {}) as Record<string, number>))
    add(`First-load JS ${page} (KiB gzip)`, kib, "-", "-");
  const lines = [
    "| Figure | Value | Baseline (same run) | Ratio |",
    "|---|---|---|---|",
    ...rows.map((x) => `| ${x.join(" | ")} |`),
  ];
  return lines.join("\n");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
