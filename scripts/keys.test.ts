import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseKey } from "@/lib/api-key-format";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-keys-"));
const run = (...args: string[]) =>
  execFileSync("npm", ["run", "-s", "keys", "--", ...args], {
    env: { ...process.env, TRUSS_DATA_DIR: dataDir },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("npm run keys", () => {
  it("creates, lists and revokes keys from the command line", () => {
    const secret = run("create", "--type", "service_role", "--label", "ci").trim();
    expect(parseKey(secret)).toEqual({ type: "service_role" });
    const listed = JSON.parse(run("list", "--json")) as {
      id: string;
      label: string;
      revoked_at: string | null;
      key_prefix: string;
    }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ label: "ci", revoked_at: null, key_prefix: secret.slice(0, 13) });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(run("revoke", listed[0]!.id)).toContain("Revoked");
    expect((JSON.parse(run("list", "--json")) as { revoked_at: string | null }[])[0]!.revoked_at).not.toBeNull();
  }, 60_000);
});
