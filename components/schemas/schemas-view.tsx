"use client";

import { SchemasError } from "@/components/schemas/schemas-error";

import { useQuery } from "@tanstack/react-query";
import { SchemaCard } from "@/components/schemas/schema-card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { schemasQuery } from "@/lib/client/queries/schemas";

export function SchemasView() {
  const schemas = useQuery({
    ...schemasQuery(),
    // User counts come from the identity index, unknown until its first pass has finished: look again shortly.
    refetchInterval: (q) => (q.state.data?.items.some((s) => s.users === null) ? 5_000 : false),
  });
  if (schemas.error && !schemas.data)
    return (
      <SchemasError
        message={schemas.error.message}
        retrying={schemas.isFetching}
        onRetry={() => void schemas.refetch()}
      />
    );
  if (!schemas.data)
    return (
      <div className="space-y-4">
        <Skeleton className="h-48" />
        <Skeleton className="h-48" />
      </div>
    );
  const items = [...schemas.data.items].sort((a, b) => Number(b.is_default) - Number(a.is_default));
  if (items.length === 0)
    return (
      <EmptyState title="Kratos has no identity schemas">
        <p>
          Add one to Kratos&apos;s <code>identity.schemas</code> configuration (for the embedded Kratos, set{" "}
          <code>KRATOS_IDENTITY_SCHEMA_FILE</code>) and restart.
        </p>
      </EmptyState>
    );
  return (
    <div className="space-y-4">
      {items.map((s) => (
        <SchemaCard key={s.id} schema={s} />
      ))}
    </div>
  );
}
