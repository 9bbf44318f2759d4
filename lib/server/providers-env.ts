import "server-only";
import { parseProviders } from "@/lib/providers-config";

/** Provider ids (and labels) from KRATOS_OIDC_PROVIDERS, for the embedded Kratos's login flow nodes. */
export function oidcProviders(): { id: string; label: string }[] {
  return parseProviders(process.env).providers.map((p) => ({ id: p.id, label: p.label }));
}

export function oidcProviderIds(): string[] {
  return oidcProviders().map((p) => p.id);
}
