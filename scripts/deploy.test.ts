import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { kratosOidcConfig } from "@/lib/kratos-config";
import { HOOK_EVENTS, kratosHooksConfig } from "@/lib/kratos-hooks-config";
import { parseProviders } from "@/lib/providers-config";

// What can be checked without Docker: deploy/ parses, keeps secrets out, and matches Kratos's config schema.
const root = path.resolve(import.meta.dirname, "..");
const read = (p: string) => fs.readFileSync(path.join(root, p), "utf8");
type Service = {
  image?: string;
  command?: string | string[];
  environment?: Record<string, string>;
  ports?: string[];
  networks?: Record<string, { aliases?: string[] }>;
};
const compose = YAML.parse(read("deploy/docker-compose.yml")) as { services: Record<string, Service> };
const kratosYml = read("deploy/kratos/kratos.yml");
const kratos = YAML.parse(kratosYml) as Record<string, unknown> & {
  selfservice: { methods: { oidc: { config: { providers: Record<string, unknown>[] } } } };
};
const ref = /^\$\{[A-Z0-9_]+\}$/;
const uncommented = (text: string) =>
  text
    .split("\n")
    .filter((l) => !l.trim().startsWith("#"))
    .join("\n");
const varsIn = (text: string) => [...new Set([...uncommented(text).matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => m[1]!))];

describe("deploy/", () => {
  it("runs Kratos migrations, Postgres, the admin-token proxy and the dashboard, never publishing the admin port", () => {
    const s = compose.services;
    expect(Object.keys(s)).toEqual(expect.arrayContaining(["postgres", "kratos-migrate", "kratos", "proxy", "truss"]));
    expect([s["kratos-migrate"]?.command].flat().join(" ")).toContain("migrate sql -e --yes");
    for (const [name, svc] of Object.entries(s)) for (const p of svc.ports ?? []) expect(p, name).not.toMatch(/4434/);
    for (const p of Object.values(s).flatMap((svc) => svc.ports ?? [])) expect(p).toMatch(/^127\.0\.0\.1:/);
    const truss = s.truss?.environment ?? {};
    expect(truss.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(truss.KRATOS_ADMIN_URL).toBe("http://kratos-admin:4434");
    expect(truss.TRUSS_AUTH_REQUIRED).toBe("true");
    expect(s.proxy?.networks?.default?.aliases).toContain("kratos-admin");
  });

  it("keeps every secret out of the files: ${VAR} references only", () => {
    for (const [name, svc] of Object.entries(compose.services))
      for (const [key, value] of Object.entries(svc.environment ?? {}))
        if (/PASSWORD|SECRET|TOKEN|DSN|DATABASE_URL|SMTP_URI/.test(key))
          expect(value, `${name}.${key}`).toContain("${");
    const secrets = kratos.secrets as Record<string, string[]>;
    for (const list of Object.values(secrets)) for (const v of list) expect(v).toMatch(ref);
    expect(kratos.dsn).toMatch(ref);
    for (const p of kratos.selfservice.methods.oidc.config.providers) {
      for (const k of ["id", "provider", "client_id", "mapper_url"]) expect(p[k], k).toBeTruthy();
      expect(p.client_id).toMatch(ref);
      if (p.provider !== "apple") expect(p.client_secret).toMatch(ref);
    }
    expect(read("deploy/nginx/kratos-admin.conf.template")).toContain('"Bearer ${KRATOS_ADMIN_TOKEN}"');
  });

  it("renders exactly the variables kratos.yml uses, and its OIDC block is what npm run kratos:config generates", () => {
    const render = compose.services["kratos-config"]!;
    const command = [render.command].flat().join(" ");
    for (const v of varsIn(kratosYml)) {
      expect(command, v).toContain(`$\${${v}}`);
      expect(Object.keys(render.environment ?? {}), v).toContain(v);
    }
    const generated = kratosOidcConfig(
      parseProviders({ KRATOS_OIDC_PROVIDERS: "google,github" }).providers,
      "${KRATOS_PUBLIC_BASE_URL}",
    );
    expect(kratos.selfservice.methods.oidc).toEqual(
      (YAML.parse(generated.yaml) as typeof kratos).selfservice.methods.oidc,
    );
  });

  it("tells Truss about every flow: the web hooks npm run kratos:config generates, with the secret on both sides", () => {
    const flows = (kratos.selfservice as unknown as { flows: Record<string, { after?: { hooks?: unknown } }> }).flows;
    const generated = kratosHooksConfig().doc as { selfservice: { flows: typeof flows } };
    for (const e of HOOK_EVENTS)
      expect(flows[e]?.after?.hooks, e).toEqual(generated.selfservice.flows[e]?.after?.hooks);
    const s = compose.services;
    expect(s.truss?.environment?.TRUSS_HOOK_SECRET).toMatch(/^\$\{TRUSS_HOOK_SECRET:\?/);
    expect(s["kratos-config"]?.environment?.TRUSS_HOOK_SECRET).toBe(s.truss?.environment?.TRUSS_HOOK_SECRET);
    expect(s["kratos-config"]?.environment?.TRUSS_HOOK_URL).toContain("http://truss:8787/api/hooks/kratos");
    const example = read("deploy/.env.example");
    expect(example).toMatch(/^TRUSS_HOOK_SECRET=$/m); // a secret: blank in the example
    expect(example).toMatch(/^TRUSS_HOOK_URL=http:\/\/truss:8787\/api\/hooks\/kratos$/m);
  });

  it("ships the embedded Kratos's default identity schema, byte for byte", () => {
    expect(read("deploy/kratos/identity.schema.json")).toBe(read("lib/embedded-kratos/identity.schema.json"));
  });

  const schemaFile = [
    path.join(root, "../shared/kratos/config.schema.json"),
    "/work/shared/kratos/config.schema.json",
  ].find((f) => fs.existsSync(f));
  it.skipIf(!schemaFile)("is a valid Kratos configuration once rendered (Kratos's config.schema.json)", () => {
    const env: Record<string, string> = {
      KRATOS_DSN: "postgres://kratos:pw@postgres:5432/kratos?sslmode=disable",
      KRATOS_PUBLIC_BASE_URL: "https://auth.example.com",
      TRUSS_PUBLIC_URL: "https://admin.example.com",
      KRATOS_SMTP_URI: "smtps://u:p@smtp.example.com:465/",
      KRATOS_SMTP_FROM: "no-reply@example.com",
      TRUSS_HOOK_URL: "http://truss:8787/api/hooks/kratos",
    };
    const rendered = kratosYml.replace(
      /\$\{([A-Z0-9_]+)\}/g,
      (_, v: string) => env[v] ?? "0123456789abcdef0123456789abcdef",
    );
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: "ory://tracing-config", type: "object" });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile!, "utf8")) as object);
    const ok = validate(YAML.parse(rendered));
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it("builds a non-root image that runs next start", () => {
    const dockerfile = read("deploy/Dockerfile");
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('CMD ["npm", "start"]');
  });
});
