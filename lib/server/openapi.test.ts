import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { allEndpoints } from "@/lib/server/endpoints";
import { openApiDocument } from "@/lib/server/openapi";
import type { RouteHandler } from "@/lib/server/http/route";

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
// app/api/auth/identities/[id]/route.ts → /api/auth/identities/{id}; catch-alls are not endpoints.
const urlOf = (file: string) =>
  "/" +
  path
    .relative("app", path.dirname(file))
    .split(path.sep)
    .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))
    .join("/");
const files = [...routeFiles("app/api"), ...routeFiles("app/v1")].filter((f) => !f.includes("[..."));

describe("endpoints: one declaration each, everything derived", () => {
  it("every route handler is made from a declaration with its own URL and verb; every declaration is served", async () => {
    const served = new Set<string>();
    const problems: string[] = [];
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, RouteHandler>;
      for (const verb of VERBS) {
        const handler = mod[verb];
        if (!handler || handler.refusal) continue; // not exported, or the 405 answer
        const ep = handler.endpoint;
        if (!ep) {
          problems.push(`${file} ${verb} has no endpoint declaration (lib/server/endpoints)`);
          continue;
        }
        if (ep.method !== verb || ep.path !== urlOf(file))
          problems.push(`${file} ${verb} serves ${ep.method} ${ep.path}`);
        served.add(`${ep.method} ${ep.path}`);
      }
    }
    for (const ep of allEndpoints)
      if (!served.has(`${ep.method} ${ep.path}`)) problems.push(`declared, never served: ${ep.method} ${ep.path}`);
    expect(problems).toEqual([]);
    expect(served.size).toBe(allEndpoints.length);
  }, 120_000);
});

describe("OpenAPI document", () => {
  const doc = openApiDocument();

  it("validates as OpenAPI 3.1", async () => {
    const v = new Validator();
    const res = await v.validate(doc);
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    expect(v.version).toBe("3.1");
  });

  it("describes every endpoint the README documents, /api and /v1 alike", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const documented = new Set<string>();
    for (const m of readme.matchAll(
      /curl (?:-[bc] \S+ )*(?:-X (GET|POST|PUT|PATCH|DELETE) )?"?http:\/\/localhost:8787(\/(?:api|v1)\/[^\s"?]*)/g,
    )) {
      const p = m[2]!.replace(/\{(\w+)\}/g, "{$1}");
      documented.add(`${(m[1] ?? "GET").toLowerCase()} ${p}`);
    }
    expect(documented.size).toBeGreaterThan(20);
    // README lines use examples (…/providers/google); a declared {param} matches any one segment.
    const declared = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((method) => ({
        method,
        re: new RegExp(`^${p.replace(/\{\w+\}/g, "[^/]+").replace(/\./g, "\\.")}$`),
      })),
    );
    const missing = [...documented].filter((op) => {
      const [method, p] = op.split(" ") as [string, string];
      return !declared.some((d) => d.method === method && d.re.test(p));
    });
    expect(missing).toEqual([]);
  });
});
