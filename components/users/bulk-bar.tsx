"use client";

import { useState } from "react";
import { BulkDialog, type BulkAction } from "@/components/users/bulk-dialog";
import { Button } from "@/components/ui/button";

const ACTIONS: { action: BulkAction; label: string; danger?: boolean }[] = [
  { action: "activate", label: "Activate" },
  { action: "deactivate", label: "Deactivate" },
  { action: "revoke_sessions", label: "Revoke sessions" },
  { action: "delete", label: "Delete", danger: true },
];

/** Appears when rows are selected; each action opens a confirmation naming the count. */
export function BulkBar({
  selected,
  labels,
  onDone,
}: {
  selected: Set<string>;
  labels: Map<string, string>;
  onDone: () => void;
}) {
  const [action, setAction] = useState<BulkAction | null>(null);
  if (selected.size === 0 && !action) return null;
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2 dark:border-indigo-900 dark:bg-indigo-950"
    >
      <span className="mr-2 text-sm font-medium text-indigo-900 dark:text-indigo-100">{selected.size} selected</span>
      {ACTIONS.map((a) => (
        <Button
          key={a.action}
          size="sm"
          variant={a.danger ? "danger" : "secondary"}
          onClick={() => setAction(a.action)}
        >
          {a.label}
        </Button>
      ))}
      <Button size="sm" variant="ghost" onClick={onDone}>
        Clear selection
      </Button>
      {action && (
        <BulkDialog
          action={action}
          ids={[...selected]}
          labels={labels}
          onClose={(finished) => {
            setAction(null);
            if (finished) onDone();
          }}
        />
      )}
    </div>
  );
}
