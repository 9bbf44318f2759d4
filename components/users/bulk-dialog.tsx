"use client";

import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmTextField, confirmTextMatches } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Progress } from "@/components/ui/progress";
import { ApiClientError, errorMessage } from "@/lib/client/fetcher";
import { useSessionQuery } from "@/lib/client/queries/auth";
import { sessionKeys } from "@/lib/client/queries/sessions";
import { runBulk, userKeys, usersQuery } from "@/lib/client/queries/users";
import { toast } from "@/lib/client/toast-store";
import { userLabel } from "@/lib/client/user-display";
import type { BulkResult, Identity, IdentityPage } from "@/lib/schemas/identity";

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

/** Typed before a bulk delete, as the user page asks for the user's identifier before a single delete. */
const DELETE_WORD = "delete";

/**
 * Names for the selected ids, taken when the dialog opens (a delete removes the users from the list it came from):
 * the email, else the label the table showed, else any user page or list the query cache still holds, else the id.
 */
function nameSelection(qc: QueryClient, ids: string[], labels: Map<string, string>): Map<string, string> {
  const known = new Map<string, Identity>();
  for (const [, page] of qc.getQueriesData<IdentityPage>({ queryKey: userKeys.lists() }))
    for (const u of page?.items ?? []) known.set(u.id, u);
  return new Map(
    ids.map((id) => {
      const u = known.get(id) ?? qc.getQueryData<Identity>(userKeys.detail(id));
      return [id, u?.email ?? labels.get(id) ?? (u ? userLabel(u) : id)];
    }),
  );
}

/** Who in the selection matters before removing accounts: the signed-in admin, and admins (all of them, maybe). */
function useAdminWarnings(ids: string[], names: Map<string, string>, action: BulkAction): string[] {
  const risky = action === "delete" || action === "deactivate";
  const me = useSessionQuery().data?.admin;
  // Active admins are the ones the server keeps at least one of; the list is short.
  const admins = useQuery({ ...usersQuery({ admin: "true", state: "active", page_size: 500 }), enabled: risky }).data;
  if (!risky) return [];
  const verb = action === "delete" ? "Deleting" : "Deactivating";
  const selected = new Set(ids);
  const warnings: string[] = [];
  if (me && selected.has(me.id))
    warnings.push(
      `Your own account (${me.email ?? userLabel(me)}) is selected. ${verb} it signs you out of this dashboard.`,
    );
  if (admins) {
    const chosen = admins.items.filter((a) => selected.has(a.id));
    const list = chosen.map((a) => names.get(a.id) ?? a.email ?? userLabel(a)).join(", ");
    if (chosen.length > 0 && chosen.length >= admins.total)
      warnings.push(
        `The selection includes every dashboard admin (${list}). The last admin is never removed: that one will fail. Promote another admin first.`,
      );
    else if (chosen.length > 0)
      warnings.push(
        `${chosen.length} of the selected users ${chosen.length === 1 ? "is a" : "are"} dashboard admin${chosen.length === 1 ? "" : "s"}: ${list}.`,
      );
  }
  return warnings;
}

/**
 * Confirms (a delete also asks for a typed word), warning when the selection holds you or the admins, then sends the
 * ids in chunks of 50 so the progress bar moves; lists a result per user, by email or name.
 */
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
  const [names] = useState(() => nameSelection(qc, ids, labels));
  const [typed, setTyped] = useState("");
  const warnings = useAdminWarnings(ids, names, action);
  const confirmed = action !== "delete" || confirmTextMatches(DELETE_WORD, typed);
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
              disabled={!confirmed}
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
        {!results && warnings.length > 0 && (
          <div
            role="alert"
            className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            {warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </div>
        )}
        {action === "delete" && !results && <ConfirmTextField text={DELETE_WORD} value={typed} onChange={setTyped} />}
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
                <span className="truncate" title={r.id}>
                  {names.get(r.id) ?? labels.get(r.id) ?? <code className="text-xs">{r.id}</code>}
                </span>
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
