import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startEmbeddedKratos, type EmbeddedKratos } from "@/lib/embedded-kratos";
import { parseProviders } from "@/lib/providers-config";
import { startRealKratos, type RealKratos } from "@/lib/real-kratos";
import { CASES, type Case } from "./cases";
import { KNOWN_DIFFERENCES } from "./known";
import { firstDifference, normalizeObservations } from "./normalize";
import { Recorder } from "./recorder";
import { renderTable, writeReadmeSummary, type CaseResult } from "./report";
import { makeTarget, type Target } from "./sdk";
import { embeddedSelfService, realSelfServiceOverrides } from "./selfservice-setup";

// Both servers get the same login providers, so oidc nodes and submits are compared too.
const providerEnv: Record<string, string> = {
  KRATOS_OIDC_PROVIDERS: "google,github",
  KRATOS_OIDC_GOOGLE_CLIENT_ID: "diff-google",
  KRATOS_OIDC_GOOGLE_CLIENT_SECRET: "diff-google-secret",
  KRATOS_OIDC_GITHUB_CLIENT_ID: "diff-github",
  KRATOS_OIDC_GITHUB_CLIENT_SECRET: "diff-github-secret",
};

let dir = "";
let embedded: EmbeddedKratos | undefined;
let real: RealKratos | undefined;
let targets: [Target, Target];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-differential-"));
  [embedded, real] = await Promise.all([
    startEmbeddedKratos({
      dataDir: path.join(dir, "embedded"),
      publicPort: 0,
      adminPort: 0,
      bcryptCost: 4,
      unknownIdentifierDelayMs: [0, 0],
      oidcProviders: parseProviders(providerEnv).providers.map((p) => ({ id: p.id, label: p.label })),
      selfService: embeddedSelfService,
    }),
    startRealKratos({
      dir: path.join(dir, "real"),
      bcryptCost: 4,
      offline: true,
      env: { ...process.env, ...providerEnv },
      overrides: realSelfServiceOverrides,
    }),
  ]);
  targets = [
    makeTarget("embedded", embedded.publicUrl, embedded.adminUrl),
    makeTarget("real", real.publicUrl, real.adminUrl),
  ];
});

afterAll(async () => {
  await Promise.all([embedded?.close(), real?.close()]);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function observe(c: Case, t: Target) {
  const r = new Recorder(t);
  try {
    await c.run(t, r);
  } catch (err) {
    r.note("threw", err instanceof Error ? err.message : String(err));
  }
  return normalizeObservations(r.observations, t);
}

describe("differential contract: embedded Kratos vs real Kratos v26.2.0", () => {
  test("case names are unique and every known difference names a case", () => {
    const names = CASES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(KNOWN_DIFFERENCES).filter((k) => !names.includes(k))).toEqual([]);
  });

  test("every case answers the same, or differs as documented", { timeout: 600_000 }, async () => {
    const results: CaseResult[] = [];
    for (const c of CASES) {
      const [e, r] = await Promise.all(targets.map((t) => observe(c, t)));
      const diff = firstDifference(e, r);
      results.push({
        name: c.name,
        embedded: e ?? [],
        real: r ?? [],
        same: diff === "",
        diff,
        known: KNOWN_DIFFERENCES[c.name],
      });
    }
    console.log(`\n${renderTable(results)}\n`);
    const version = ((await (await fetch(`${targets[1].adminUrl}/version`)).json()) as { version: string }).version;
    writeReadmeSummary(results, version);
    const unexpected = results.filter((x) => !x.same && !x.known).map((x) => `${x.name}\n    ${x.diff}`);
    const stale = results.filter((x) => x.same && x.known).map((x) => x.name);
    if (process.env.DIFFERENTIAL_DUMP)
      fs.writeFileSync(process.env.DIFFERENTIAL_DUMP, JSON.stringify(results, null, 1));
    expect(unexpected, "differences not in KNOWN_DIFFERENCES").toEqual([]);
    expect(stale, "KNOWN_DIFFERENCES entries that no longer differ").toEqual([]);
  });
});
