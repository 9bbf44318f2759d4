"use client";

import Link from "next/link";
import { Fragment, useState, type ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Truncate } from "@/components/ui/truncate";
import type { AuditEntry } from "@/lib/schemas/audit";
import { cn, formatDateTime } from "@/lib/utils";

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

/** The name an item entry kept for its target (bulk actions and imports record the user's label at the time). */
function targetLabel(e: AuditEntry): string | null {
  const label = e.details?.label;
  return typeof label === "string" && label ? label : null;
}

/** A detail value as one readable line: lists joined with commas, objects as compact JSON. */
export function formatDetail(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v || "—";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== "object" || x === null)) return v.map(String).join(", ");
  return JSON.stringify(v);
}

/** What the expanded row lists: who and what in full (the cells cut them), then the entry's details. */
function detailPairs(e: AuditEntry): [string, string][] {
  const actor = e.actor_label && e.actor_id ? `${e.actor_label} (${e.actor_id})` : actorLabel(e);
  return [
    ["entry", String(e.id)],
    ["actor", `${actor} · ${e.actor_type}`],
    ...(e.target ? ([["target", e.target]] as [string, string][]) : []),
    ...(e.parent_id !== null ? ([["part of entry", String(e.parent_id)]] as [string, string][]) : []),
    ...Object.entries(e.details ?? {}).map(([k, v]): [string, string] => [k, formatDetail(v)]),
  ];
}

interface Column {
  id: string;
  header: string;
  /** Minimum widths keep a column from collapsing when the table is squeezed (a phone scrolls it instead). */
  className?: string;
  cell: (e: AuditEntry) => ReactNode;
}

function targetCell(e: AuditEntry): ReactNode {
  if (!e.target) return "—";
  const label = targetLabel(e);
  const title = label ? `${label} (${e.target})` : e.target;
  if (UUID.test(e.target) && e.action.startsWith("identity."))
    return (
      <Link
        href={`/users/${e.target}`}
        title={title}
        className={cn(
          "block max-w-[16rem] truncate text-indigo-700 hover:underline dark:text-indigo-300",
          !label && "font-mono text-xs",
        )}
      >
        {label ?? e.target}
      </Link>
    );
  return (
    <Truncate text={title} className="max-w-[16rem] font-mono text-xs">
      {label ?? e.target}
    </Truncate>
  );
}

/**
 * The audit log as a table: one line per entry (long emails and ids are cut with an ellipsis, the full value in a
 * tooltip), and a Details button per row that opens the entry's fields as a key: value list underneath.
 */
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
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const columns: Column[] = [
    {
      id: "at",
      header: "When",
      className: "min-w-[9.5rem] whitespace-nowrap",
      cell: (e) => formatDateTime(e.at),
    },
    {
      id: "actor",
      header: "Actor",
      className: "min-w-[12rem]",
      cell: (e) => (
        <span className="flex min-w-0 items-center gap-1.5">
          <Badge className="shrink-0 whitespace-nowrap">{e.actor_type === "api_key" ? "API key" : e.actor_type}</Badge>
          <Truncate text={actorLabel(e)} className="max-w-[16rem]" />
        </span>
      ),
    },
    {
      id: "action",
      header: "Action",
      className: "whitespace-nowrap",
      cell: (e) => <code className="text-xs">{e.action}</code>,
    },
    ...(showTarget ? [{ id: "target", header: "Target", className: "min-w-[10rem]", cell: targetCell }] : []),
    {
      id: "outcome",
      header: "Outcome",
      className: "whitespace-nowrap",
      cell: (e) => <Badge tone={OUTCOMES[e.outcome].tone}>{OUTCOMES[e.outcome].label}</Badge>,
    },
    { id: "ip", header: "IP", className: "whitespace-nowrap", cell: (e) => e.ip ?? "—" },
  ];
  if (entries.length === 0) return <>{empty}</>;
  const span = columns.length + 1;
  return (
    <div
      className="overflow-x-auto rounded-lg border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900"
      aria-busy={busy || undefined}
    >
      <table className="min-w-full divide-y divide-gray-200 text-sm dark:divide-gray-800">
        <caption className="sr-only">Audit entries</caption>
        <thead className="bg-gray-50 dark:bg-gray-950">
          <tr>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                className="px-3 py-2 text-left font-medium whitespace-nowrap text-gray-700 dark:text-gray-300"
              >
                {c.header}
              </th>
            ))}
            <th
              scope="col"
              className="px-3 py-2 text-left font-medium whitespace-nowrap text-gray-700 dark:text-gray-300"
            >
              Details
            </th>
          </tr>
        </thead>
        <tbody className={cn("divide-y divide-gray-100 dark:divide-gray-800", busy && "opacity-60")}>
          {entries.map((e) => {
            const expanded = open.has(e.id);
            const panelId = `audit-entry-${e.id}`;
            return (
              <Fragment key={e.id}>
                <tr className="hover:bg-gray-50 dark:hover:bg-gray-800/60">
                  {columns.map((c) => (
                    <td
                      key={c.id}
                      className={cn("px-3 py-2 align-middle text-gray-800 dark:text-gray-200", c.className)}
                    >
                      {c.cell(e)}
                    </td>
                  ))}
                  <td className="px-3 py-1.5 align-middle">
                    <button
                      type="button"
                      aria-expanded={expanded}
                      aria-controls={expanded ? panelId : undefined}
                      onClick={() => toggle(e.id)}
                      className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-sm whitespace-nowrap text-indigo-700 hover:bg-gray-100 dark:text-indigo-300 dark:hover:bg-gray-800"
                    >
                      <span aria-hidden className={cn("inline-block transition-transform", expanded && "rotate-90")}>
                        ▸
                      </span>
                      Details<span className="sr-only"> of entry {e.id}</span>
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr id={panelId} className="bg-gray-50 dark:bg-gray-950">
                    <td colSpan={span} className="px-3 py-3">
                      <dl
                        aria-label={`Details of entry ${e.id}`}
                        className="grid max-w-3xl gap-1 text-sm text-gray-800 dark:text-gray-200"
                      >
                        {detailPairs(e).map(([k, v]) => (
                          <div key={k}>
                            <dt className="inline font-medium text-gray-600 dark:text-gray-400">{k}:</dt>{" "}
                            <dd className="inline [overflow-wrap:anywhere]">{v}</dd>
                          </div>
                        ))}
                      </dl>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
