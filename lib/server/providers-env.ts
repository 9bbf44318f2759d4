import "server-only";
import { env } from "@/lib/server/env";

/** Provider ids from KRATOS_OIDC_PROVIDERS (full parsing and validation lives in lib/server/providers). */
export function oidcProviderIds(): string[] {
  return [
    ...new Set(
      env()
        .KRATOS_OIDC_PROVIDERS.split(",")
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
