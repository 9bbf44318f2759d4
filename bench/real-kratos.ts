// The dashboard on real Ory Kratos (the binary from KRATOS_BIN, PATH or the cached build; SQLite, bcrypt cost 12):
// each figure beside a baseline measured in the same run. Bounded loops, 127.0.0.1 only.
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compare, hash } from "@node-rs/bcrypt";
import { findKratosBinary, startRealKratos } from "../lib/real-kratos/index";
import { median, round } from "./http-load";
import { measureLayer, nativeSessionToken } from "./layer";
import { freePort, startServer, waitForIndex } from "./server";

const ADMIN = { email: "bench-admin@bench.test", password: "Bench-admin-pass-1" };
const SEED_PASSWORD = "Seeded-user-pass-1";

/** Why the real-Kratos figures cannot be measured here, or null. */
export function realKratosUnavailable(): string | null {
  const found = findKratosBinary({ log: () => undefined });
  return found.path === null ? found.reason : null;
}

/**
 * POST with no client-side deadline. The import of 500 plaintext passwords on real Kratos takes minutes (Kratos
 * hashes a batch's passwords one after another), past fetch's 300 s headers timeout on a busy machine.
 */
function postLong(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; json: unknown }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(data) },
      },
      (res) => {
        let text = "";
        res
          .setEncoding("utf8")
          .on("data", (c: string) => (text += c))
          .on("end", () => {
            try {
              resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown });
            } catch {
              resolve({ status: res.statusCode ?? 0, json: text });
            }
          });
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

async function kratosNativeLogin(publicUrl: string, identifier: string, password: string): Promise<number> {
  const flow = (await (await fetch(`${publicUrl}/self-service/login/api`)).json()) as { id: string };
  const res = await fetch(`${publicUrl}/self-service/login?flow=${flow.id}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ method: "password", identifier, password }),
  });
  await res.arrayBuffer();
  return res.status;
}

export interface RealKratosBenchOptions {
  log: (s: string) => void;
  cost: number;
  /** The embedded server's import of the same 500 users, measured earlier in this run (the import baseline). */
  embeddedImportMs?: number;
  importUsers?: number;
}

export async function benchRealKratos(opts: RealKratosBenchOptions): Promise<Record<string, unknown>> {
  const { log, cost } = opts;
  const importUsers = opts.importUsers ?? 500;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-bench-real-"));
  const kratos = await startRealKratos({ dir: path.join(dir, "kratos"), bcryptCost: cost, offline: true, env: {} });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const admin = kratos.adminUrl;
    const version = ((await (await fetch(`${admin}/version`)).json()) as { version?: string }).version ?? "?";
    // Seeded before the dashboard starts, so its boot reconciler pass puts them into the identity index.
    log("real Kratos: seeding 1,000 identities (pre-hashed) through the batch API");
    const hashed = (await hash(SEED_PASSWORD, 4)).replace(/^\$2b\$/, "$2a$");
    const identities = Array.from({ length: 1000 }, (_, i) => ({
      create: {
        schema_id: "default",
        traits: { email: `seed-${i}@bench.test` },
        credentials: { password: { config: { hashed_password: hashed } } },
      },
    }));
    const seeded = (await (
      await fetch(`${admin}/admin/identities`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ identities }),
      })
    ).json()) as { identities?: { action: string }[] };
    const seededCount = seeded.identities?.filter((r) => r.action === "create").length ?? 0;
    if (seededCount !== 1000) throw new Error(`real Kratos: seeding created ${seededCount} of 1000 identities`);
    if ((await kratosNativeLogin(kratos.publicUrl, "seed-7@bench.test", SEED_PASSWORD)) !== 200)
      throw new Error("real Kratos: a seeded user cannot sign in");
    const port = await freePort();
    const truss = path.join(dir, "truss");
    server = await startServer(
      {
        TRUSS_DATA_DIR: truss,
        KRATOS_PUBLIC_URL: kratos.publicUrl,
        KRATOS_ADMIN_URL: kratos.adminUrl,
        TRUSS_ADMIN_EMAIL: ADMIN.email,
        TRUSS_ADMIN_PASSWORD: ADMIN.password,
        // One reconciler pass at boot (the seeded identities), none during the loads.
        TRUSS_INDEX_RECONCILE_SECONDS: "3600",
      },
      port,
    );
    const base = `http://127.0.0.1:${port}`;
    log(`real Kratos ${version} (${kratos.binary}), dashboard on ${base}`);

    log("real Kratos: dashboard login vs Kratos's own native login flow (and one bcrypt verify)");
    // The bootstrap admin is created by the server's boot (hashed by Kratos at cost 12): wait for the first login.
    let cookie = "";
    for (let i = 0; i < 60 && !cookie; i++) {
      const r = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(ADMIN),
      });
      await r.arrayBuffer();
      if (r.ok) cookie = (r.headers.get("set-cookie") ?? "").split(";")[0]!;
      else await new Promise((res) => setTimeout(res, 500));
    }
    if (!cookie) throw new Error("real Kratos: the bootstrap admin could not sign in to the dashboard");
    const loginTimes: number[] = [];
    const nativeTimes: number[] = [];
    const verifyTimes: number[] = [];
    const stored = await hash(ADMIN.password, cost);
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      const r = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(ADMIN),
      });
      await r.arrayBuffer();
      if (!r.ok) throw new Error(`real Kratos: dashboard login answered ${r.status}`);
      loginTimes.push(performance.now() - t);
      t = performance.now();
      const status = await kratosNativeLogin(kratos.publicUrl, ADMIN.email, ADMIN.password);
      if (status !== 200) throw new Error(`real Kratos: native login answered ${status}`);
      nativeTimes.push(performance.now() - t);
      t = performance.now();
      await compare(ADMIN.password, stored);
      verifyTimes.push(performance.now() - t);
    }
    const login = {
      loginP50Ms: round(median(loginTimes)),
      kratosNativeLoginP50Ms: round(median(nativeTimes)),
      oneHashVerifyP50Ms: round(median(verifyTimes)),
      ratio: round(median(loginTimes) / median(nativeTimes)),
    };
    log(JSON.stringify(login));

    await waitForIndex(base, cookie, 1000);
    log("real Kratos: dashboard GET /api/auth/identities?page_size=100 vs whoami + the same SQL (the ideal layer)");
    const layer = await measureLayer({
      log,
      base,
      cookie,
      kratosPublicUrl: kratos.publicUrl,
      kratosAdminUrl: kratos.adminUrl,
      sessionToken: await nativeSessionToken(kratos.publicUrl, ADMIN.email, ADMIN.password),
      dataDir: truss,
      label: "real Kratos",
    });

    log(
      `real Kratos: import of ${importUsers} plaintext-password users at cost ${cost} (Kratos hashes a batch serially)`,
    );
    const oneHash: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await hash("Probe-password-1", cost);
      oneHash.push(performance.now() - t);
    }
    const users = Array.from({ length: importUsers }, (_, i) => ({
      email: `import-${i}@bench.test`,
      password: `Import-pass-${i}x`,
    }));
    const t0 = performance.now();
    const imp = await postLong(`${base}/api/auth/users/import`, { users }, { cookie });
    const importMs = performance.now() - t0;
    const summary = (imp.json as { summary?: { created: number; failed: number } }).summary;
    const created = summary?.created ?? 0;
    if (imp.status !== 200 || created !== importUsers)
      log(
        `real Kratos: IMPORT DID NOT SUCCEED: HTTP ${imp.status}, ${JSON.stringify(summary ?? imp.json).slice(0, 500)}`,
      );
    else if (
      (await kratosNativeLogin(
        kratos.publicUrl,
        `import-${importUsers - 1}@bench.test`,
        `Import-pass-${importUsers - 1}x`,
      )) !== 200
    )
      throw new Error("real Kratos: an imported user cannot sign in");
    const serialIdeal = importUsers * median(oneHash);
    const importResult = {
      users: importUsers,
      created,
      failed: summary?.failed ?? importUsers - created,
      importMs: round(importMs),
      oneHashMs: round(median(oneHash)),
      serialIdealMs: round(serialIdeal),
      ratioToSerialIdeal: round(importMs / serialIdeal),
      embeddedImportMs: opts.embeddedImportMs === undefined ? null : round(opts.embeddedImportMs),
      ratioToEmbedded: opts.embeddedImportMs ? round(importMs / opts.embeddedImportMs) : null,
    };
    log(JSON.stringify(importResult));
    return { version, login, dashboardLayer: layer, import: importResult };
  } finally {
    server?.stop();
    await server?.exited;
    await kratos.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
