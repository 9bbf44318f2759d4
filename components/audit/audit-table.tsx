"use client";

import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { AuditEntry } from "@/lib/schemas/audit";
import { formatDateTime } from "@/lib/utils";

// partial: a bulk action or import where some items failed (each item has its own entry).
const OUTCOMES: Record<AuditEntry["outcome"], { tone: BadgeTone; label: string }> = {
  success: { tone: "green", label: "Success" },
  partial: { tone: "amber", label: "Partial" },
  failure: { tone: "red", label: "Failure" },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorLabel(e: AuditEntry): string {
  return e.actor_label ?? e.actor_id ?? e.actor_type;
}

export function AuditTable({
  entries,
  empty,
  busy,
  showTarget = true,
}: {
  entries: AuditEntry[];
  empty: React.ReactNode;
  busy?: boolean;
  showTarget?: boolean;
}) {
  return (
    <DataTable<AuditEntry>
      caption="Audit entries"
      rows={entries}
      rowId={(e) => String(e.id)}
      busy={busy}
      empty={empty}
      columns={[
        { id: "at", header: "When", cell: (e) => <span className="whitespace-nowrap">{formatDateTime(e.at)}</span> },
        {
          id: "actor",
          header: "Actor",
          cell: (e) => (
            <span className="flex items-center gap-1">
              <Badge>{e.actor_type === "api_key" ? "API key" : e.actor_type}</Badge>
              <span className="break-all">{actorLabel(e)}</span>
            </span>
          ),
        },
        { id: "action", header: "Action", cell: (e) => <code className="text-xs">{e.action}</code> },
        ...(showTarget
          ? [
              {
                id: "target",
                header: "Target",
                cell: (e: AuditEntry) =>
                  e.target && UUID.test(e.target) && e.action.startsWith("identity.") ? (
                    <Link
                      href={`/users/${e.target}`}
                      className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      {e.target}
                    </Link>
                  ) : (
                    <code className="text-xs">{e.target ?? "—"}</code>
                  ),
              },
            ]
          : []),
        {
          id: "outcome",
          header: "Outcome",
          cell: (e) => <Badge tone={OUTCOMES[e.outcome].tone}>{OUTCOMES[e.outcome].label}</Badge>,
        },
        { id: "ip", header: "IP", cell: (e) => e.ip ?? "—" },
        {
          id: "details",
          header: "Details",
          cell: (e) =>
            e.details ? (
              <code className="block max-w-xs truncate text-xs" title={JSON.stringify(e.details)}>
                {JSON.stringify(e.details)}
              </code>
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}
