// `npm run kratos:config`: prints the selfservice.methods.oidc block for real Kratos from KRATOS_OIDC_* env.
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
const out = kratosOidcConfig(providers, publicUrl);
console.log(process.argv.includes("--env") ? out.env : out.yaml);
