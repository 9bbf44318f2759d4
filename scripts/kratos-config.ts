// `npm run kratos:config`: prints Kratos's config for Truss: the web hooks to Truss (selfservice.flows.*.after.hooks,
// from TRUSS_HOOK_URL / TRUSS_HOOK_SECRET references) and the selfservice.methods.oidc block from KRATOS_OIDC_* env.
import { kratosHooksConfig } from "@/lib/kratos-hooks-config";
import { kratosOidcConfig } from "@/lib/kratos-config";
import { parseProviders, providerStatus } from "@/lib/providers-config";

const { providers, errors } = parseProviders(process.env);
for (const e of errors) console.error(`warning: ${e}`);
for (const p of providers) {
  if (providerStatus(p) !== "ready")
    console.error(
      `warning: ${p.id} is ${providerStatus(p)}: ${[...p.missing.map((m) => `missing ${m}`), ...p.errors].join("; ")}`,
    );
}
const publicUrl = (process.env.KRATOS_PUBLIC_URL ?? "http://127.0.0.1:4433").replace(/\/+$/, "");
const oidc = kratosOidcConfig(providers, publicUrl);
const hooks = kratosHooksConfig();
console.log(process.argv.includes("--env") ? `${hooks.env}\n${oidc.env}` : `${hooks.yaml}\n${oidc.yaml}`);
