"use client";

import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useAuditQuery } from "@/lib/client/queries/audit";

/** The latest admin actions that targeted this user. */
export function UserAudit({ userId }: { userId: string }) {
  const audit = useAuditQuery({ page_size: 20, target: userId });
  return (
    <Card
      title="Audit trail"
      actions={
        <Link href={`/audit?target=${userId}`} className="text-sm text-indigo-700 underline dark:text-indigo-300">
          Open in audit log
        </Link>
      }
    >
      {audit.error ? (
        <ErrorState message={audit.error.message} />
      ) : !audit.data ? (
        <Skeleton className="h-20" />
      ) : (
        <AuditTable
          entries={audit.data.items}
          showTarget={false}
          empty={<EmptyState title="No admin actions on this user yet" />}
        />
      )}
    </Card>
  );
}
