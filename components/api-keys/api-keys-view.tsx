"use client";

import { useState } from "react";
import { CreateKeyDialog } from "@/components/api-keys/create-key-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useApiKeysQuery, useRevokeApiKeyMutation } from "@/lib/client/queries/api-keys";
import type { ApiKey } from "@/lib/schemas/api-key";
import { formatDateTime } from "@/lib/utils";

export function ApiKeysView({ initialData }: { initialData?: { items: ApiKey[] } }) {
  const keys = useApiKeysQuery(initialData);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useRevokeApiKeyMutation({ onSuccess: () => setRevoking(null) });
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <CreateKeyDialog />
      </div>
      {keys.error && !keys.data ? (
        <ErrorState message={keys.error.message} />
      ) : !keys.data ? (
        <Skeleton className="h-40" />
      ) : (
        <DataTable<ApiKey>
          caption="API keys"
          rows={keys.data.items}
          rowId={(k) => k.id}
          empty={
            <EmptyState title="No API keys yet">
              Create a secret key to manage users from your servers through the /v1 API.
            </EmptyState>
          }
          columns={[
            { id: "label", header: "Label", cell: (k) => <span className="font-medium">{k.label}</span> },
            { id: "prefix", header: "Key", cell: (k) => <code className="text-xs">{k.key_prefix}…</code> },
            {
              id: "type",
              header: "Type",
              cell: (k) => (
                <Badge tone={k.key_type === "service_role" ? "amber" : "blue"}>
                  {k.key_type === "service_role" ? "Secret" : "Public"}
                </Badge>
              ),
            },
            { id: "rate", header: "Rate limit", cell: (k) => (k.rate_limit ? `${k.rate_limit}/min` : "Unlimited") },
            {
              id: "created",
              header: "Created",
              cell: (k) => <span className="whitespace-nowrap">{formatDateTime(k.created_at)}</span>,
            },
            {
              id: "used",
              header: "Last used",
              cell: (k) => (
                <span className="whitespace-nowrap">{k.last_used_at ? formatDateTime(k.last_used_at) : "Never"}</span>
              ),
            },
            {
              id: "status",
              header: "Status",
              cell: (k) =>
                k.revoked_at ? (
                  <Badge tone="red">Revoked {formatDateTime(k.revoked_at)}</Badge>
                ) : (
                  <Badge tone="green">Active</Badge>
                ),
            },
            {
              id: "actions",
              header: "Actions",
              cell: (k) =>
                k.revoked_at ? null : (
                  <Button size="sm" variant="danger" aria-label={`Revoke ${k.label}`} onClick={() => setRevoking(k)}>
                    Revoke
                  </Button>
                ),
            },
          ]}
        />
      )}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        pending={revoke.isPending}
        title={`Revoke “${revoking?.label ?? ""}”?`}
        description="Every request using this key fails from now on. The key stays listed as revoked for the audit trail."
        confirmLabel="Revoke key"
      />
    </div>
  );
}
