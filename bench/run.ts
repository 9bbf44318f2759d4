// `npm run bench`: production server + embedded Kratos on free ports, seeded data, each figure beside a
// baseline measured in the same run; then the same server on real Ory Kratos (when a binary is found: KRATOS_BIN,
// PATH or the cached build). Bounded loops, 127.0.0.1 only. Writes bench/results.json and the README table.
// BENCH_ONLY=real: a shorter run (no 100k embedded-Kratos section) that prints its figures and writes no file.
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { compare, hash } from "@node-rs/bcrypt";
import { benchEmbeddedKratos } from "./embedded-kratos";
import { benchRealKratos, realKratosUnavailable } from "./real-kratos";
import { load, median, round } from "./http-load";
import { freePort, peakRssMiB, startServer } from "./server";

const log = (s: string) => console.error(`[bench] ${s}`);
const COST = 12;
const ADMIN = { email: "bench-admin@bench.test", password: "Bench-admin-pass-1" };
const ONLY_REAL = process.env.BENCH_ONLY === "real";
const PAGES = ["/", "/users", "/sessions", "/providers", "/settings/api-keys", "/audit", "/docs/api", "/login"];

async function main() {
  const started = Date.now();
  if (!fs.existsSync(".next/BUILD_ID")) {
    log("building (no .next/BUILD_ID)…");
    execSync("npx next build", { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-bench-"));
  const [port, kpub, kadm] = [await freePort(), await freePort(), await freePort()];
  const { child, stop } = await startServer(
    {
      TRUSS_DATA_DIR: dataDir,
      EMBEDDED_KRATOS_PUBLIC_PORT: String(kpub),
      EMBEDDED_KRATOS_ADMIN_PORT: String(kadm),
      EMBEDDED_KRATOS_BCRYPT_COST: String(COST),
      TRUSS_ADMIN_EMAIL: ADMIN.email,
      TRUSS_ADMIN_PASSWORD: ADMIN.password,
    },
    port,
  );
  const base = `http://127.0.0.1:${port}`;
  const admin = `http://127.0.0.1:${kadm}`;
  const results: Record<string, unknown> = {
    machine: { cores: os.availableParallelism(), node: process.version },
    bcryptCost: COST,
  };
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

    log("dashboard GET /api/auth/identities?page_size=100 vs Kratos GET /admin/identities?page_size=100");
    const layer: Record<string, unknown> = {};
    for (const c of [1, 16]) {
      const total = c === 1 ? 200 : 400;
      const kratos = await load(`${admin}/admin/identities?page_size=100`, {}, { total, concurrency: c });
      const dash = await load(
        `${base}/api/auth/identities?page_size=100`,
        { headers: { cookie } },
        { total, concurrency: c },
      );
      layer[`c${c}`] = {
        dashboard: dash,
        kratos,
        p50Ratio: round(dash.p50 / kratos.p50),
        rpsRatio: round(dash.rps / kratos.rps),
      };
      log(`c=${c} ${JSON.stringify(layer[`c${c}`])}`);
    }
    results.dashboardLayer = layer;

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
    results.peakRssMiB = { server: peakRssMiB(child.pid!) };
  } finally {
    stop();
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
  }
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  const md = table(results);
  console.log(md);
  if (ONLY_REAL) {
    console.log(JSON.stringify(results, null, 2));
    log(`BENCH_ONLY=real: ${String(results.durationSeconds)} s; bench/results.json and README.md left as they were`);
    return;
  }
  fs.writeFileSync("bench/results.json", JSON.stringify(results, null, 2) + "\n");
  // Keep the README's Performance section current.
  const readme = fs.readFileSync("README.md", "utf8");
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores (${process.version}), bcrypt cost ${COST}, run took ${String(results.durationSeconds)} s.`;
  fs.writeFileSync(
    "README.md",
    readme.replace(
      /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
      `<!-- bench:start -->\n${stamp}\n\n${md}\n<!-- bench:end -->`,
    ),
  );
}

function table(r: Record<string, unknown>): string {
  const g = (o: unknown, ...keys: string[]): unknown =>
    keys.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
  const rows: [string, string, string, string][] = [];
  const add = (name: string, value: unknown, baseline: unknown, ratio: unknown) =>
    rows.push([name, String(value), String(baseline), String(ratio)]);
  for (const c of ["c1", "c16"]) {
    const l = g(r, "dashboardLayer", c);
    add(
      `GET /api/auth/identities?page_size=100, ${c.slice(1)} client(s): p50 / p99 ms, req/s`,
      `${String(g(l, "dashboard", "p50"))} / ${String(g(l, "dashboard", "p99"))}, ${String(g(l, "dashboard", "rps"))}`,
      `Kratos /admin/identities: ${String(g(l, "kratos", "p50"))} / ${String(g(l, "kratos", "p99"))}, ${String(g(l, "kratos", "rps"))}`,
      `p50 ×${String(g(l, "p50Ratio"))}`,
    );
  }
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
    for (const c of ["c1", "c16"]) {
      const l = g(real, "dashboardLayer", c);
      add(
        `Real Kratos ${v}: GET /api/auth/identities?page_size=100, ${c.slice(1)} client(s): p50 / p99 ms, req/s`,
        `${String(g(l, "dashboard", "p50"))} / ${String(g(l, "dashboard", "p99"))}, ${String(g(l, "dashboard", "rps"))}`,
        `real Kratos /admin/identities: ${String(g(l, "kratos", "p50"))} / ${String(g(l, "kratos", "p99"))}, ${String(g(l, "kratos", "rps"))}`,
        `p50 ×${String(g(l, "p50Ratio"))}`,
      );
    }
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
