import { hashSync } from "@node-rs/bcrypt";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { hashPassword } from "../lib/embedded-kratos/crypto/passwords";
import { openStore, startEmbeddedKratos } from "../lib/embedded-kratos/index";
import type { IdentityRecord } from "../lib/embedded-kratos/store/types";

const COST = 12;
const SAMPLES = 60;

const p50 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function timeRequest(url: string, init?: RequestInit): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - start;
}

async function p50Of(url: string, init?: RequestInit): Promise<number> {
  // Warm-up; seeding blocks this process, so pooled keep-alive sockets may have been reset.
  for (let i = 0; i < 15; i++) await timeRequest(url, init).catch(() => timeRequest(url, init));
  const xs: number[] = [];
  for (let i = 0; i < SAMPLES; i++) xs.push(await timeRequest(url, init));
  return p50(xs);
}

const email = (n: number) => `user-${String(n).padStart(7, "0")}@bench.test`;

/** Seeds identities straight through the store (one transaction per chunk) with a fixed hash. */
function seed(file: string, from: number, to: number, hashed: string): string[] {
  const store = openStore(file);
  const ids: string[] = [];
  const now = new Date().toISOString();
  try {
    for (let start = from; start < to; start += 5000) {
      const chunk: IdentityRecord[] = [];
      for (let n = start; n < Math.min(to, start + 5000); n++) {
        const id = randomUUID();
        ids.push(id);
        const value = email(n);
        chunk.push({
          id,
          schemaId: "default",
          state: "active",
          stateChangedAt: now,
          traits: { email: value },
          metadataPublic: null,
          metadataAdmin: null,
          externalId: null,
          createdAt: now,
          updatedAt: now,
          credentials: [
            {
              id: randomUUID(),
              type: "password",
              identifiers: [value],
              config: { hashed_password: hashed },
              version: 0,
              createdAt: now,
              updatedAt: now,
            },
          ],
          verifiableAddresses: [
            {
              id: randomUUID(),
              value,
              via: "email",
              verified: false,
              status: "pending",
              verifiedAt: null,
              createdAt: now,
              updatedAt: now,
            },
          ],
          recoveryAddresses: [{ id: randomUUID(), value, via: "email", createdAt: now, updatedAt: now }],
        });
      }
      store.identities.insertMany(chunk);
    }
  } finally {
    store.close();
  }
  return ids;
}

async function listMetrics(adminUrl: string, ids: string[], probe: number) {
  const sorted = [...ids].sort();
  // Deep in the list but with a full page after it, so 1k and 100k return the same amount.
  const deepToken = sorted[Math.min(Math.floor(sorted.length * 0.9), sorted.length - 251)] ?? "";
  const base = `${adminUrl}/admin/identities`;
  return {
    firstPageMs: await p50Of(`${base}?page_size=250`),
    deepPageMs: await p50Of(`${base}?page_size=250&page_token=${deepToken}`),
    prefixSearchMs: await p50Of(
      `${base}?preview_credentials_identifier_similar=${encodeURIComponent(email(probe).split("@")[0] ?? "")}`,
    ),
  };
}

/**
 * Benchmarks the embedded Kratos: list scaling 1k → 100k, parallel batch hashing at cost 12,
 * and whoami overhead over a bare health check. Bounded loops; binds 127.0.0.1 only.
 */
export async function benchEmbeddedKratos(opts: { log: (s: string) => void }): Promise<Record<string, unknown>> {
  const { log } = opts;
  const dataDir = mkdtempSync(join(tmpdir(), "embedded-kratos-bench-"));
  const file = join(dataDir, "embedded-kratos.sqlite");
  const fixedHash = hashSync("bench-password", 4).replace(/^\$2b\$/, "$2a$");
  const kratos = await startEmbeddedKratos({
    dataDir,
    publicPort: 0,
    adminPort: 0,
    bcryptCost: COST,
    unknownIdentifierDelayMs: [0, 0],
  });
  try {
    log("seeding 1,000 identities");
    const ids = seed(file, 0, 1000, fixedHash);
    const small = await listMetrics(kratos.adminUrl, ids, 500);
    log(`1k: ${JSON.stringify(small)}`);
    log("seeding up to 100,000 identities");
    ids.push(...seed(file, 1000, 100_000, fixedHash));
    const large = await listMetrics(kratos.adminUrl, ids, 500);
    log(`100k: ${JSON.stringify(large)}`);

    log(`hashing: one bcrypt cost ${COST} hash, then a batch of 200`);
    const singles: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      await hashPassword("one-hash-probe", COST);
      singles.push(performance.now() - s);
    }
    const cores = availableParallelism();
    const body = {
      identities: Array.from({ length: 200 }, (_, i) => ({
        create: {
          schema_id: "default",
          traits: { email: `batch-${i}-${randomUUID().slice(0, 8)}@bench.test` },
          credentials: { password: { config: { password: `pw-${i}` } } },
        },
      })),
    };
    const cpuBefore = process.cpuUsage();
    const batchStart = performance.now();
    const res = await fetch(`${kratos.adminUrl}/admin/identities`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const batchJson = (await res.json()) as { identities?: { action: string }[] };
    const batchMs = performance.now() - batchStart;
    const cpu = process.cpuUsage(cpuBefore);
    // Other processes on a shared machine stretch wall time; CPU time and load show whether they did.
    const batchCpuMs = (cpu.user + cpu.system) / 1000;
    const loadAfterBatch = loadavg()[0] ?? 0;
    // Re-measure after the batch too: the ideal should reflect the machine's load during the run.
    for (let i = 0; i < 2; i++) {
      const s = performance.now();
      await hashPassword("one-hash-probe", COST);
      singles.push(performance.now() - s);
    }
    const oneHashMs = p50(singles);
    const created = batchJson.identities?.filter((i) => i.action === "create").length ?? 0;
    const idealMs = (200 * oneHashMs) / cores;
    log(`batch: ${round(batchMs)} ms for ${created} identities; ideal ${round(idealMs)} ms`);

    log("whoami vs health");
    const flow = (await (await fetch(`${kratos.publicUrl}/self-service/login/api`)).json()) as { id: string };
    const login = await fetch(`${kratos.publicUrl}/self-service/login?flow=${flow.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ method: "password", identifier: email(42), password: "bench-password" }),
    });
    const token = ((await login.json()) as { session_token: string }).session_token;
    const whoamiMs = await p50Of(`${kratos.publicUrl}/sessions/whoami`, { headers: { "X-Session-Token": token } });
    const healthMs = await p50Of(`${kratos.publicUrl}/health/alive`);

    return {
      list: {
        "1k": mapRound(small),
        "100k": mapRound(large),
        ratio100kTo1k: {
          firstPage: round(large.firstPageMs / small.firstPageMs),
          deepPage: round(large.deepPageMs / small.deepPageMs),
          prefixSearch: round(large.prefixSearchMs / small.prefixSearchMs),
        },
        target: "<= 1.5",
      },
      batch: {
        items: 200,
        created,
        cost: COST,
        cores,
        oneHashMs: round(oneHashMs),
        batchMs: round(batchMs),
        idealMs: round(idealMs),
        ratio: round(batchMs / idealMs),
        target: "<= 1.2 on an idle machine",
        batchCpuMs: round(batchCpuMs),
        cpuVsSerialHashes: round(batchCpuMs / (200 * oneHashMs)),
        loadAvg1mAfterBatch: round(loadAfterBatch),
      },
      whoami: { whoamiP50Ms: round(whoamiMs, 3), healthP50Ms: round(healthMs, 3), ratio: round(whoamiMs / healthMs) },
    };
  } finally {
    await kratos.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mapRound = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v, 3)]));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchEmbeddedKratos({ log: (s) => console.error(s) }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
