import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { ensureTrussHooks, hookBodyJsonnet, HOOK_EVENTS, kratosHooksConfig } from "@/lib/kratos-hooks-config";
import { writeRealKratosConfig } from "@/lib/real-kratos";

type Flows = Record<string, { after?: Record<string, unknown> & { hooks?: unknown[] } }>;
const flowsOf = (doc: Record<string, unknown>) => (doc.selfservice as { flows: Flows }).flows;
const target = { url: "http://127.0.0.1:9/api/hooks/kratos", secret: "s".repeat(43) };

describe("Kratos web hooks config", () => {
  it("generates one asynchronous web_hook per flow, secret as a ${VAR} reference, body from the flow's own event", () => {
    const { doc, yaml, env } = kratosHooksConfig();
    for (const e of HOOK_EVENTS) {
      const [hook] = flowsOf(doc)[e]!.after!.hooks as { hook: string; config: Record<string, unknown> }[];
      expect(hook).toMatchObject({
        hook: "web_hook",
        config: {
          url: "${TRUSS_HOOK_URL}",
          method: "POST",
          auth: {
            type: "api_key",
            config: { name: "X-Truss-Hook-Secret", value: "${TRUSS_HOOK_SECRET}", in: "header" },
          },
          response: { ignore: true },
        },
      });
      const body = Buffer.from(String(hook!.config.body).replace("base64://", ""), "base64").toString();
      expect(body).toBe(hookBodyJsonnet(e));
      expect(body).toContain(`event: '${e}'`);
    }
    expect(YAML.parse(yaml)).toEqual(doc);
    expect(env.split("\n")).toHaveLength(HOOK_EVENTS.length);
  });

  it("adds the web hook to method lists (which hide the global one) and removes every one without a target", () => {
    const doc = {
      selfservice: {
        flows: { registration: { enabled: true, after: { oidc: { hooks: [{ hook: "session" }] } } } },
      },
    };
    const withHooks = ensureTrussHooks(doc, target);
    const reg = flowsOf(withHooks).registration!.after!;
    expect((reg.oidc as { hooks: { hook: string }[] }).hooks.map((h) => h.hook)).toEqual(["session", "web_hook"]);
    expect(reg.hooks).toHaveLength(1);
    for (const e of HOOK_EVENTS) expect(flowsOf(withHooks)[e]!.after!.hooks).toHaveLength(1);
    expect(ensureTrussHooks(withHooks, target)).toEqual(withHooks); // exactly one each, however often applied
    const without = ensureTrussHooks(withHooks, null);
    expect((flowsOf(without).registration!.after!.oidc as { hooks: unknown[] }).hooks).toEqual([{ hook: "session" }]);
    expect(JSON.stringify(without)).not.toContain("web_hook");
  });

  it("the real-Kratos launcher renders deploy/'s hooks for a target, and drops them without one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-hooks-config-"));
    try {
      const base = { dir, dsn: "sqlite:///tmp/x.sqlite", publicPort: 4433, adminPort: 4434, env: {} };
      const overrides = {
        selfservice: { flows: { registration: { after: { password: { hooks: [{ hook: "session" }] } } } } },
      };
      const read = (file: string) => YAML.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
      const on = read(writeRealKratosConfig({ ...base, overrides, trussHook: target }));
      const login = (
        flowsOf(on).login!.after!.hooks as { config: { url: string; auth: { config: { value: string } } } }[]
      )[0]!;
      expect(login.config.url).toBe(target.url);
      expect(login.config.auth.config.value).toBe(target.secret);
      expect((flowsOf(on).registration!.after!.password as { hooks: unknown[] }).hooks).toHaveLength(2);
      const off = fs.readFileSync(writeRealKratosConfig(base), "utf8");
      expect(off).not.toContain("web_hook");
      expect(off).not.toContain("TRUSS_HOOK");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
