import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The Kratos boundary: SDK types stay in lib/server/kratos, and every SDK call goes through call()/attempt().
const dir = path.resolve("lib/server/kratos");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
// The public surface: the modules index.ts re-exports wholesale (mappers and client stay internal).
const index = fs.readFileSync(path.join(dir, "index.ts"), "utf8");
const surface = [...index.matchAll(/export \* from "@\/lib\/server\/kratos\/([\w-]+)"/g)].map((m) => `${m[1]}.ts`);

describe("the one Kratos module", () => {
  it("exports no @ory/client type through its public surface", () => {
    expect(index).not.toMatch(/@ory\/client|kratosClients|getRawIdentity|isAdminIdentity/);
    expect(surface.length).toBeGreaterThan(3);
    for (const f of surface) {
      const src = fs.readFileSync(path.join(dir, f), "utf8");
      // An exported signature mentioning an SDK type would hand it to callers.
      const exported = [...src.matchAll(/^export (?:async )?(?:function|interface|type|const) [^\n]*/gm)].map(
        (m) => m[0],
      );
      const sdkTypes = [...src.matchAll(/import type \{([^}]*)\} from "@ory\/client"/g)].flatMap((m) =>
        m[1]!.split(",").map((t) => t.trim().split(" as ").pop()!),
      );
      for (const line of exported)
        for (const t of sdkTypes) expect(line, `${f}: ${line}`).not.toMatch(new RegExp(`\\b${t}\\b`));
    }
  });

  it("has no bespoke try/catch around SDK calls (errors.ts's call()/attempt() map every failure)", () => {
    for (const f of files.filter((x) => x !== "errors.ts" && x !== "resilience.ts")) {
      const src = fs.readFileSync(path.join(dir, f), "utf8");
      const catches = [...src.matchAll(/try \{\s*(?:const [^=]+= )?await (?:identity|frontend)\./g)];
      expect(catches, f).toHaveLength(0);
    }
  });
});
