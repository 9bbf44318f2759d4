"use client";

import { useCallback, useMemo, useState } from "react";
import { BulkBar } from "@/components/users/bulk-bar";
import { ColumnChooser } from "@/components/users/column-chooser";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { ExportButton } from "@/components/users/export-button";
import { ImportDialog } from "@/components/users/import-dialog";
import { DEFAULT_COLUMNS, USER_COLUMN, userColumns } from "@/components/users/user-columns";
import { UsersToolbar, type UserFilters } from "@/components/users/users-toolbar";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { Skeleton } from "@/components/ui/skeleton";
import { useSchemasQuery } from "@/lib/client/queries/schemas";
import { useUsersQuery, type UsersListQuery } from "@/lib/client/queries/users";
import { useCursor } from "@/lib/client/use-cursor";
import { useStoredState } from "@/lib/client/use-stored-state";
import { userLabel } from "@/lib/client/user-display";
import type { IdentityPage } from "@/lib/schemas/identity";

const PAGE_SIZE = 50;
// Lists saved before the user column was renamed (it was "email") still count; the user column is always shown.
const isColumnList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string") && (v.includes(USER_COLUMN) || v.includes("email"));

export interface UsersViewProps {
  initialFilters: UserFilters;
  initialData?: IdentityPage;
  providers: string[];
}

function syncUrl(f: UserFilters) {
  const qs = new URLSearchParams();
  if (f.search) qs.set("search", f.search);
  if (f.state) qs.set("state", f.state);
  if (f.provider) qs.set("provider", f.provider);
  if (f.schema_id) qs.set("schema_id", f.schema_id);
  const s = qs.toString();
  window.history.replaceState(null, "", s ? `/users?${s}` : "/users");
}

export function UsersView({ initialFilters, initialData, providers }: UsersViewProps) {
  const [filters, setFilters] = useState(initialFilters);
  const cursor = useCursor();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [columns, setColumns] = useStoredState("truss-users-columns", DEFAULT_COLUMNS, isColumnList);
  const schemas = useSchemasQuery().data?.items;
  const query: UsersListQuery = {
    page_size: PAGE_SIZE,
    page_token: cursor.token,
    search: filters.search.trim() || undefined,
    state: filters.state || undefined,
    provider: filters.provider || undefined,
    schema_id: filters.schema_id || undefined,
  };
  const isInitial = !cursor.token && filters === initialFilters;
  const users = useUsersQuery(query, isInitial ? initialData : undefined);
  const resetCursor = cursor.reset;
  const onFilters = useCallback(
    (f: UserFilters) => {
      setFilters(f);
      resetCursor();
      syncUrl(f);
    },
    [resetCursor],
  );
  const table = useMemo(() => userColumns(schemas ?? []), [schemas]);
  const visible = useMemo(
    () => table.columns.filter((c) => c.id === USER_COLUMN || columns.includes(c.id)),
    [table, columns],
  );
  const labels = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, userLabel(u)])), [users.data]);
  const filtered = !!(query.search || query.state || query.provider || query.schema_id);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <UsersToolbar filters={filters} providers={providers} schemas={schemas ?? []} onChange={onFilters} />
        <div className="flex flex-wrap gap-2">
          <ColumnChooser
            columns={table.options}
            visible={columns}
            onChange={(v) => setColumns([USER_COLUMN, ...v.filter((id) => id !== USER_COLUMN && id !== "email")])}
            locked={[USER_COLUMN]}
          />
          <ExportButton
            query={{ search: query.search, state: query.state, provider: query.provider, schema_id: query.schema_id }}
          />
          <ImportDialog />
          <CreateUserDialog />
        </div>
      </div>
      <BulkBar selected={selected} labels={labels} onDone={() => setSelected(new Set())} />
      {users.error && <ErrorState message={users.error.message} />}
      {!users.data ? (
        users.error ? null : (
          <div role="status" aria-label="Loading users" className="space-y-2">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        )
      ) : (
        <>
          <DataTable
            caption="Users"
            columns={visible}
            rows={users.data.items}
            rowId={(u) => u.id}
            rowLabel={userLabel}
            selected={selected}
            onSelectedChange={setSelected}
            busy={users.isFetching}
            empty={
              <EmptyState title={filtered ? "No users match these filters" : "No users yet"}>
                {filtered
                  ? "Try a shorter email, username or phone prefix, or clear the filters."
                  : "Create a user or import a CSV file to get started."}
              </EmptyState>
            }
          />
          <Pager
            page={cursor.page}
            hasNext={!!users.data.next_page_token}
            busy={users.isFetching}
            onPrev={cursor.prev}
            onNext={() => users.data.next_page_token && cursor.next(users.data.next_page_token)}
            summary={`${users.data.items.length} shown${selected.size ? `, ${selected.size} selected` : ""}`}
          />
        </>
      )}
    </div>
  );
}
