import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The import fences, checked on every file (ESLint enforces them too; this catches files its globs miss).
function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return ["node_modules", ".next", "test-results"].includes(e.name) ? [] : files(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}
const all = ["app", "components", "lib", "middleware.ts"].flatMap((d) => (d.endsWith(".ts") ? [d] : files(d)));
const imports = (src: string) =>
  [...src.matchAll(/from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? "");
// The differential suite drives both Kratos servers through the SDK: test code, in files that are not *.test.ts.
const isTest = (f: string) =>
  /\.test\.ts$|\/test-[\w-]+\.ts$/.test(f) ||
  f.startsWith("lib/testing/") ||
  f.startsWith("lib/real-kratos/differential/");

describe("import fences", () => {
  it("client components never import lib/server", () => {
    const bad = all.filter(
      (f) =>
        /^\s*["']use client["']/m.test(fs.readFileSync(f, "utf8")) &&
        imports(fs.readFileSync(f, "utf8")).some((i) => i.includes("lib/server")),
    );
    expect(bad).toEqual([]);
  });

  it("@ory/client is used only in the one Kratos module (and tests)", () => {
    const bad = all.filter(
      (f) =>
        !isTest(f) &&
        !f.startsWith("lib/server/kratos/") &&
        imports(fs.readFileSync(f, "utf8")).includes("@ory/client"),
    );
    expect(bad).toEqual([]);
  });

  it("the embedded Kratos imports nothing from the app", () => {
    const bad = all.filter(
      (f) =>
        f.startsWith("lib/embedded-kratos/") &&
        !isTest(f) &&
        imports(fs.readFileSync(f, "utf8")).some(
          (i) =>
            i.startsWith("@/") ||
            i.startsWith("next") ||
            i === "react" ||
            i === "server-only" ||
            /^\.\.\/\.\.\//.test(i),
        ),
    );
    expect(bad).toEqual([]);
  });

  it("every lib/server module is marked server-only", () => {
    const bad = all.filter(
      (f) => f.startsWith("lib/server/") && !isTest(f) && !fs.readFileSync(f, "utf8").includes('import "server-only"'),
    );
    expect(bad).toEqual([]);
  });
});
