import "server-only";
import { kratosOidcConfig } from "@/lib/kratos-config";
import { providerStatus, type ProviderConfig } from "@/lib/providers-config";
import { providerEnv } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/errors";
import { kratosUrls } from "@/lib/server/kratos-runtime";
import { countersFrom } from "@/lib/server/services/identity-index/counters";
import { latestAudit } from "@/lib/server/services/audit";
import { lastCheckSchema, type LastCheck, type Provider } from "@/lib/schemas/provider";

/** The configured providers (parsed once, in env.ts). */
export const providerConfigs = providerEnv;

/** Provider ids and labels, for the embedded Kratos's login-flow buttons and the users page's filter. */
export function oidcProviders(): { id: string; label: string }[] {
  return providerEnv().providers.map((p) => ({ id: p.id, label: p.label }));
}

export function oidcProviderIds(): string[] {
  return oidcProviders().map((p) => p.id);
}

export function providerOrThrow(id: string): ProviderConfig {
  const p = providerConfigs().providers.find((x) => x.id === id);
  if (!p) throw new ApiError("not_found", `No provider "${id}" is configured in KRATOS_OIDC_PROVIDERS.`);
  return p;
}

export async function listProviders(): Promise<{ items: Provider[]; errors: string[] }> {
  const { providers, errors } = providerConfigs();
  const { publicUrl } = await kratosUrls();
  const [linked, checked] = await Promise.all([
    countersFrom("provider:", "provider;"),
    latestAudit(
      "provider.check",
      providers.map((p) => p.id),
    ),
  ]);
  const lastCheck = (id: string): LastCheck | null => {
    const e = checked.get(id);
    // Entries from before the checks were kept (details {ok} only) read as no check.
    const parsed = lastCheckSchema.safeParse({ ...e?.details, at: e?.at, by: e?.actor_label ?? null });
    return parsed.success ? parsed.data : null;
  };
  return {
    errors,
    items: providers.map((p) => ({
      id: p.id,
      type: p.type,
      label: p.label,
      status: providerStatus(p),
      missing: p.missing,
      errors: p.errors,
      scopes: p.scopes,
      issuer_url: p.issuerUrl,
      callback_url: `${publicUrl}/self-service/methods/oidc/callback/${p.id}`,
      linked_identities: linked.get(`provider:${p.id}`) ?? 0,
      last_check: lastCheck(p.id),
    })),
  };
}

export async function kratosConfig() {
  const { publicUrl } = await kratosUrls();
  return kratosOidcConfig(providerConfigs().providers, publicUrl);
}
