// A new user's first run (issue 18, item 1): `npm run up`'s server (scripts/server.mjs on the production build) on an
// empty data directory with the embedded Kratos, timed from its "[truss] ready" line: the first page, the setup link,
// creating the first admin, signing in, each dashboard page's first visit and the everyday actions. Targets: the
// first page within 5 s of "ready", no action over 2 s (a password hash at bcrypt cost 12 is part of the actions that
// set or check one, and is printed beside them).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/bcrypt";
import { round } from "./http-load";
import { freePort } from "./server";

const log = (s: string) => console.error(`[bench] ${s}`);
const PAGES = ["/", "/users", "/sessions", "/providers", "/audit", "/settings/api-keys", "/schemas", "/messages"];

export interface FirstRun {
  readyMs: number;
  firstPageMs: number;
  setupPageMs: number;
  createAdminMs: number;
  signInMs: number;
  pagesMs: Record<string, number>;
  actionsMs: Record<string, number>;
  oneHashMs: number;
  slowestActionMs: number;
}

/** Times a request; fails the run on an unexpected status (a number for a failed step would mean nothing). */
async function timed(url: string, init: RequestInit, expected: number): Promise<[number, Response, string]> {
  const t = performance.now();
  const res = await fetch(url, { redirect: "manual", ...init });
  const text = await res.text();
  const ms = performance.now() - t;
  if (res.status !== expected) throw new Error(`first run: ${init.method ?? "GET"} ${url} → ${res.status}: ${text}`);
  return [round(ms), res, text];
}

export async function benchFirstRun(): Promise<FirstRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-first-run-"));
  const [port, kpub, kadm] = [await freePort(), await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      TRUSS_DATA_DIR: dataDir,
      EMBEDDED_KRATOS_PUBLIC_PORT: String(kpub),
      EMBEDDED_KRATOS_ADMIN_PORT: String(kadm),
    },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  try {
    const lines: string[] = [];
    const ready = new Promise<number>((resolve, reject) => {
      let rest = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        const parts = (rest + chunk).split("\n");
        rest = parts.pop() ?? "";
        for (const line of parts) {
          lines.push(line);
          if (line.includes("[truss] ready on")) resolve(performance.now());
        }
      });
      child.once("exit", (code) => reject(new Error(`server exited (${code}) before it was ready`)));
      setTimeout(() => reject(new Error("server not ready within 120 s")), 120_000).unref();
    });
    const readyAt = await ready;
    const [firstPageMs, , loginHtml] = await timed(`${base}/login`, {}, 200);
    if (!loginHtml.includes("No admin yet")) throw new Error("the login page does not point to the setup link");
    const link = lines.map((l) => /(http\S+\/setup\?token=\S+)/.exec(l)?.[1]).find(Boolean);
    if (!link) throw new Error("no setup link printed by the time the server was ready");
    const token = new URL(link).searchParams.get("token")!;
    const [setupPageMs] = await timed(`${base}/setup?token=${token}`, {}, 200);
    const admin = { email: "first-admin@bench.test", password: "First-admin-pass-1" };
    const json = { "content-type": "application/json" };
    const [createAdminMs] = await timed(
      `${base}/api/setup`,
      { method: "POST", headers: json, body: JSON.stringify({ token, ...admin }) },
      201,
    );
    const [signInMs, login] = await timed(
      `${base}/api/auth/login`,
      { method: "POST", headers: json, body: JSON.stringify(admin) },
      200,
    );
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const headers = { cookie, ...json };
    const pagesMs: Record<string, number> = {};
    for (const p of PAGES) pagesMs[p] = (await timed(`${base}${p}`, { headers: { cookie } }, 200))[0];
    const actionsMs: Record<string, number> = {};
    const [create, created, body] = await timed(
      `${base}/api/auth/identities`,
      {
        method: "POST",
        headers,
        body: JSON.stringify({ email: "first-user@bench.test", password: "First-user-pass-1" }),
      },
      201,
    );
    void created;
    const id = (JSON.parse(body) as { id: string }).id;
    actionsMs["create a user (with a password)"] = create;
    actionsMs["open the user"] = (await timed(`${base}/users/${id}`, { headers: { cookie } }, 200))[0];
    actionsMs["search the users list"] = (
      await timed(`${base}/api/auth/identities?q=first-user`, { headers: { cookie } }, 200)
    )[0];
    actionsMs["deactivate"] = (
      await timed(
        `${base}/api/auth/identities/${id}/state`,
        { method: "PATCH", headers, body: JSON.stringify({ state: "inactive" }) },
        200,
      )
    )[0];
    actionsMs["reset the password"] = (
      await timed(
        `${base}/api/auth/identities/${id}/reset-password`,
        { method: "POST", headers, body: JSON.stringify({ password: "Another-pass-22" }) },
        200,
      )
    )[0];
    actionsMs["create an API key"] = (
      await timed(
        `${base}/api/keys`,
        { method: "POST", headers, body: JSON.stringify({ label: "first", key_type: "service_role" }) },
        201,
      )
    )[0];
    actionsMs["delete the user"] = (
      await timed(`${base}/api/auth/identities/${id}`, { method: "DELETE", headers: { cookie } }, 204)
    )[0];
    const t = performance.now();
    await hash("First-user-pass-1", 12);
    const oneHashMs = round(performance.now() - t);
    const all = [createAdminMs, signInMs, setupPageMs, ...Object.values(pagesMs), ...Object.values(actionsMs)];
    const result: FirstRun = {
      readyMs: round(readyAt - started),
      firstPageMs,
      setupPageMs,
      createAdminMs,
      signInMs,
      pagesMs,
      actionsMs,
      oneHashMs,
      slowestActionMs: Math.max(...all),
    };
    log(`first run: ${JSON.stringify(result)}`);
    return result;
  } finally {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The README table: each step's time after "ready", against the targets (5 s for the first page, 2 s per action). */
export function firstRunTable(f: FirstRun): string {
  const rows: string[][] = [
    ["Server start to its `[truss] ready` line (ms; the build already made)", String(f.readyMs), "-", "-"],
    ["First page (`/login`, with the setup hint) after ready (ms)", String(f.firstPageMs), "target 5000", "-"],
    ["Setup page from the printed link (ms)", String(f.setupPageMs), "target 2000", "-"],
    ["Create the first admin (ms)", String(f.createAdminMs), `one bcrypt hash (cost 12): ${f.oneHashMs}`, "-"],
    ["Sign in (ms)", String(f.signInMs), `one bcrypt hash (cost 12): ${f.oneHashMs}`, "-"],
    ...Object.entries(f.pagesMs).map(([p, ms]) => [`First visit of ${p} (ms)`, String(ms), "target 2000", "-"]),
    ...Object.entries(f.actionsMs).map(([a, ms]) => [`Action: ${a} (ms)`, String(ms), "target 2000", "-"]),
  ];
  rows.push([
    "Slowest step after ready (ms)",
    String(f.slowestActionMs),
    "target 2000",
    round(f.slowestActionMs / 2000).toString(),
  ]);
  return [
    "| First run (empty data directory, embedded Kratos) | Value | Baseline / target | Ratio |",
    "|---|---|---|---|",
    ...rows.map((x) => `| ${x.join(" | ")} |`),
  ].join("\n");
}
