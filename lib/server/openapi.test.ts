import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/server/openapi";

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

describe("OpenAPI document", () => {
  const doc = openApiDocument();

  it("validates as OpenAPI 3.1", async () => {
    const v = new Validator();
    const res = await v.validate(doc);
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    expect(v.version).toBe("3.1");
  });

  it("describes every /v1 route handler and verb", () => {
    const root = path.resolve("app/v1");
    const missing: string[] = [];
    for (const file of routeFiles(root)) {
      const url = "/v1/" + path.relative(root, path.dirname(file)).split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
      if (url === "/v1/openapi.json") continue;
      const verbs = [...fs.readFileSync(file, "utf8").matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
      for (const verb of verbs) if (!(doc.paths[url])?.[verb]) missing.push(`${verb.toUpperCase()} ${url}`);
    }
    expect(missing).toEqual([]);
  });
});
