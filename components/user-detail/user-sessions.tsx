"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import {
  useExtendSessionMutation,
  useRevokeSessionMutation,
  useRevokeUserSessionsMutation,
  useUserSessionsQuery,
} from "@/lib/client/queries/sessions";
import type { Session, SessionPage } from "@/lib/schemas/session";
import { describeUserAgent, formatDateTime } from "@/lib/utils";

export function UserSessions({ userId, initialData }: { userId: string; initialData?: SessionPage }) {
  const sessions = useUserSessionsQuery(userId, initialData);
  const [confirmAll, setConfirmAll] = useState(false);
  const revoke = useRevokeSessionMutation();
  const extend = useExtendSessionMutation();
  const revokeAll = useRevokeUserSessionsMutation(userId, { onSuccess: () => setConfirmAll(false) });
  const items = (sessions.data?.items ?? []).filter((s) => s.active);
  return (
    <Card
      title="Sessions"
      actions={
        <Button size="sm" variant="danger" onClick={() => setConfirmAll(true)} disabled={items.length === 0}>
          Revoke all sessions
        </Button>
      }
    >
      {sessions.error ? (
        <ErrorState message={sessions.error.message} />
      ) : !sessions.data ? (
        <Skeleton className="h-20" />
      ) : (
        <DataTable<Session>
          caption="Active sessions of this user"
          rows={items}
          rowId={(s) => s.id}
          empty={<EmptyState title="No active sessions">This user is signed out everywhere.</EmptyState>}
          columns={[
            { id: "device", header: "Device", cell: (s) => describeUserAgent(s.devices[0]?.user_agent) },
            { id: "ip", header: "IP", cell: (s) => s.devices[0]?.ip_address ?? "—" },
            { id: "started", header: "Started", cell: (s) => formatDateTime(s.authenticated_at) },
            { id: "expires", header: "Expires", cell: (s) => formatDateTime(s.expires_at) },
            {
              id: "actions",
              header: "Actions",
              cell: (s) => (
                <span className="flex gap-2">
                  <Button
                    size="sm"
                    onClick={() => extend.mutate(s.id)}
                    loading={extend.isPending && extend.variables === s.id}
                  >
                    Extend
                  </Button>
                  <Button
                    size="sm"
                    onClick={() => revoke.mutate(s.id)}
                    loading={revoke.isPending && revoke.variables === s.id}
                  >
                    Revoke
                  </Button>
                </span>
              ),
            },
          ]}
        />
      )}
      <ConfirmDialog
        open={confirmAll}
        onClose={() => setConfirmAll(false)}
        onConfirm={() => revokeAll.mutate()}
        pending={revokeAll.isPending}
        title={`Revoke ${items.length} session${items.length === 1 ? "" : "s"}?`}
        description="The user is signed out on every device (force logout). They can sign in again unless you deactivate them."
        confirmLabel="Revoke all"
      />
    </Card>
  );
}
