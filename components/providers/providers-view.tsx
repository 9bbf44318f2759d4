"use client";

import { useState } from "react";
import { ProviderCard } from "@/components/providers/provider-card";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useKratosConfigQuery, useProvidersQuery } from "@/lib/client/queries/providers";
import type { Provider } from "@/lib/schemas/provider";

export function ProvidersView({ initialData }: { initialData?: { items: Provider[]; errors: string[] } }) {
  const providers = useProvidersQuery(initialData);
  const [showConfig, setShowConfig] = useState(false);
  const config = useKratosConfigQuery(showConfig);
  if (providers.error && !providers.data)
    return providers.error.id === "not_found" ? (
      <EmptyState title="Provider status is not available on this server yet" />
    ) : (
      <ErrorState message={providers.error.message} />
    );
  if (!providers.data) return <Skeleton className="h-40" />;
  const { items, errors } = providers.data;
  return (
    <div className="space-y-4">
      {errors.length > 0 && <ErrorState title="KRATOS_OIDC_PROVIDERS has problems" message={errors.join(" ")} />}
      {items.length === 0 ? (
        <EmptyState title="No social sign-in providers configured">
          <p>
            Set <code>KRATOS_OIDC_PROVIDERS</code> to a comma-separated list such as <code>google,github</code>, then
            give each provider its client id and secret (for example <code>KRATOS_OIDC_GOOGLE_CLIENT_ID</code> and{" "}
            <code>KRATOS_OIDC_GOOGLE_CLIENT_SECRET</code>) and restart. Supported: Google, GitHub, Discord, Apple,
            Microsoft and any OpenID Connect issuer.
          </p>
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {items.map((p) => (
            <ProviderCard key={p.id} provider={p} />
          ))}
        </div>
      )}
      <Card
        title="Kratos configuration"
        actions={
          showConfig && config.data ? (
            <CopyButton value={config.data.yaml} label="Copy YAML" />
          ) : (
            <Button size="sm" onClick={() => setShowConfig(true)} loading={config.isFetching}>
              Generate config
            </Button>
          )
        }
      >
        <p className="text-sm text-gray-600 dark:text-gray-400">
          For an external Kratos: the <code>selfservice.methods.oidc</code> block for these providers. Secrets stay as{" "}
          <code>{"${VAR}"}</code> references.
        </p>
        {config.error && <ErrorState message={config.error.message} />}
        {showConfig && config.data && (
          <pre
            className="mt-3 max-h-96 overflow-auto rounded bg-gray-50 p-3 text-xs dark:bg-gray-950"
            tabIndex={0}
            aria-label="Generated Kratos configuration"
          >
            {config.data.yaml}
          </pre>
        )}
      </Card>
    </div>
  );
}
