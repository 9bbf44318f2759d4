"use client";

import { useState, type FormEvent } from "react";
import { AuditTable } from "@/components/audit/audit-table";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Pager } from "@/components/ui/pager";
import { Skeleton } from "@/components/ui/skeleton";
import { toCsv } from "@/lib/client/csv";
import { downloadText, stamp } from "@/lib/client/download";
import { errorMessage } from "@/lib/client/fetcher";
import { fetchAllAudit, useAuditQuery } from "@/lib/client/queries/audit";
import { toast } from "@/lib/client/toast-store";
import { useUrlCursor } from "@/lib/client/use-cursor";
import type { AuditPage } from "@/lib/schemas/audit";
import { formText } from "@/lib/utils";

export interface AuditFilters {
  actor: string;
  action: string;
  target: string;
}

const ACTIONS = [
  "admin.login",
  "admin.logout",
  "identity.create",
  "identity.update",
  "identity.activate",
  "identity.deactivate",
  "identity.delete",
  "identity.reset_password",
  "identity.recovery",
  "identity.revoke_sessions",
  "identity.promote_admin",
  "identity.demote_admin",
  "identity.unlink_provider",
  "identity.import",
  "identity.bulk_activate",
  "identity.bulk_deactivate",
  "identity.bulk_delete",
  "identity.bulk_revoke_sessions",
  "users.import",
  "session.revoke",
  "api_key.create",
  "api_key.revoke",
  "provider.check",
];

const FILTERS = ["actor", "action", "target"] as const;

/** The audit log, filtered by actor, action and target; filters and the page live in the URL. */
export function AuditView({ initialFilters, initialData }: { initialFilters: AuditFilters; initialData?: AuditPage }) {
  const [exporting, setExporting] = useState(false);
  const cursor = useUrlCursor(FILTERS);
  const filters = cursor.filters;
  const clean = {
    actor: filters.actor || undefined,
    action: filters.action || undefined,
    target: filters.target || undefined,
  };
  const first = !cursor.token && FILTERS.every((k) => filters[k] === initialFilters[k]) ? initialData : undefined;
  const audit = useAuditQuery({ page_size: 50, page_token: cursor.token, ...clean }, first);
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    cursor.setFilters({
      actor: formText(d, "actor").trim(),
      action: formText(d, "action").trim(),
      target: formText(d, "target").trim(),
    });
  };
  const exportCsv = async () => {
    setExporting(true);
    try {
      const all = await fetchAllAudit(clean);
      downloadText(
        `audit-${stamp()}.csv`,
        toCsv(
          [
            "id",
            "at",
            "actor_type",
            "actor_id",
            "actor_label",
            "action",
            "target",
            "outcome",
            "ip",
            "details",
            "parent_id",
          ],
          all.map((e) => [
            e.id,
            e.at,
            e.actor_type,
            e.actor_id,
            e.actor_label,
            e.action,
            e.target,
            e.outcome,
            e.ip,
            e.details,
            e.parent_id,
          ]),
        ),
        "text/csv",
      );
      toast(`Exported ${all.length} entries.`);
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="space-y-4">
      <form
        key={FILTERS.map((k) => filters[k]).join("\u0000")}
        onSubmit={apply}
        role="search"
        aria-label="Filter the audit log"
        className="flex flex-wrap items-end gap-2"
      >
        <Input
          name="actor"
          aria-label="Actor (email or id)"
          placeholder="Actor (email or id)"
          defaultValue={filters.actor}
          className="w-56"
        />
        <Input
          name="action"
          aria-label="Action"
          placeholder="Action, e.g. identity.delete"
          defaultValue={filters.action}
          list="audit-actions"
          className="w-56"
        />
        <datalist id="audit-actions">
          {ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Input
          name="target"
          aria-label="Target (user or key id)"
          placeholder="Target id"
          defaultValue={filters.target}
          className="w-80 max-w-full"
        />
        <Button type="submit">Apply filters</Button>
        <Button onClick={() => void exportCsv()} loading={exporting}>
          Export CSV
        </Button>
      </form>
      {audit.error && <ErrorState message={audit.error.message} />}
      {!audit.data ? (
        audit.error ? null : (
          <Skeleton className="h-40" />
        )
      ) : (
        <>
          <AuditTable
            entries={audit.data.items}
            busy={audit.isFetching}
            empty={<EmptyState title="No audit entries match">Admin actions appear here as they happen.</EmptyState>}
          />
          <Pager
            page={cursor.page}
            hasNext={!!audit.data.next_page_token}
            busy={audit.isFetching}
            onPrev={cursor.prev}
            onNext={() => audit.data.next_page_token && cursor.next(audit.data.next_page_token)}
          />
        </>
      )}
    </div>
  );
}
