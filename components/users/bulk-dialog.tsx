"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Progress } from "@/components/ui/progress";
import { ApiClientError, errorMessage } from "@/lib/client/fetcher";
import { sessionKeys } from "@/lib/client/queries/sessions";
import { runBulk, userKeys } from "@/lib/client/queries/users";
import { toast } from "@/lib/client/toast-store";
import type { BulkResult } from "@/lib/schemas/identity";

export type BulkAction = BulkResult["action"];
type Row = BulkResult["results"][number];

const CHUNK = 50;
const VERB: Record<BulkAction, string> = {
  activate: "Activate",
  deactivate: "Deactivate",
  revoke_sessions: "Revoke sessions of",
  delete: "Delete",
};
const CONSEQUENCE: Record<BulkAction, string> = {
  activate: "They will be able to sign in again.",
  deactivate: "They will be signed out everywhere and unable to sign in.",
  revoke_sessions: "They will be signed out of every device.",
  delete: "Their accounts, credentials and sessions are deleted permanently. This cannot be undone.",
};

/** Confirms, then sends the ids in chunks of 50 so the progress bar moves; lists a result per row. */
export interface BulkDialogProps {
  action: BulkAction;
  ids: string[];
  labels: Map<string, string>;
  onClose: (finished: boolean) => void;
}

export function BulkDialog({ action, ids, labels, onClose }: BulkDialogProps) {
  const qc = useQueryClient();
  const [results, setResults] = useState<Row[] | null>(null);
  const [running, setRunning] = useState(false);
  const count = `${ids.length} user${ids.length === 1 ? "" : "s"}`;
  const start = async () => {
    setRunning(true);
    setResults([]);
    const all: Row[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      try {
        const r = await runBulk({ action, ids: chunk });
        all.push(...r.results);
      } catch (err) {
        const errorId = err instanceof ApiClientError ? err.id : "upstream_unavailable";
        all.push(
          ...chunk.map((id) => ({ id, status: "error" as const, error: { id: errorId, message: errorMessage(err) } })),
        );
      }
      setResults([...all]);
    }
    setRunning(false);
    const failed = all.filter((r) => r.status === "error").length;
    toast(
      failed ? `${all.length - failed} done, ${failed} failed.` : `${VERB[action]} ${count}: done.`,
      failed ? "error" : "success",
    );
    await Promise.all([
      qc.invalidateQueries({ queryKey: userKeys.all }),
      qc.invalidateQueries({ queryKey: sessionKeys.all }),
    ]);
  };
  const failed = results?.filter((r) => r.status === "error") ?? [];
  return (
    <Dialog
      open
      onClose={() => !running && onClose(!!results)}
      title={`${VERB[action]} ${count}?`}
      size="lg"
      footer={
        results && !running ? (
          <Button variant="primary" onClick={() => onClose(true)}>
            Close
          </Button>
        ) : (
          <>
            <Button onClick={() => onClose(false)} disabled={running}>
              Cancel
            </Button>
            <Button
              variant={action === "delete" || action === "deactivate" ? "danger" : "primary"}
              onClick={() => void start()}
              loading={running}
            >
              {VERB[action]} {count}
            </Button>
          </>
        )
      }
    >
      <div className="space-y-4 text-sm">
        <p className="text-gray-700 dark:text-gray-300">{CONSEQUENCE[action]}</p>
        {results && <Progress value={results.length} max={ids.length} label="Processed" />}
        {results && !running && (
          <p role="status">
            {results.length - failed.length} succeeded, {failed.length} failed.
          </p>
        )}
        {results && results.length > 0 && (
          <ul
            aria-label="Per-user results"
            className="max-h-64 divide-y divide-gray-100 overflow-y-auto rounded border border-gray-200 dark:divide-gray-800 dark:border-gray-700"
          >
            {results.map((r) => (
              <li key={r.id} className="flex items-center justify-between gap-2 px-3 py-1.5">
                <span className="truncate">{labels.get(r.id) ?? <code className="text-xs">{r.id}</code>}</span>
                {r.status === "ok" ? (
                  <Badge tone="green">OK</Badge>
                ) : (
                  <Badge tone="red">{r.error?.message ?? "Failed"}</Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
