"use client";

import { useMemo, useState } from "react";
import { BulkBar } from "@/components/users/bulk-bar";
import { ColumnChooser } from "@/components/users/column-chooser";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { ExportButton } from "@/components/users/export-button";
import { ImportDialog } from "@/components/users/import-dialog";
import { DEFAULT_COLUMNS, USER_COLUMN, userColumns } from "@/components/users/user-columns";
import { UsersSummary } from "@/components/users/users-summary";
import { UsersTable } from "@/components/users/users-table";
import { UsersToolbar } from "@/components/users/users-toolbar";
import { defaultOrder, isFiltered, toListQuery, usersSearch, type UsersSort } from "@/components/users/users-url";
import { useUsersUrl } from "@/components/users/use-users-url";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { Skeleton } from "@/components/ui/skeleton";
import { useSchemasQuery } from "@/lib/client/queries/schemas";
import { useUsersQuery } from "@/lib/client/queries/users";
import { useStoredState } from "@/lib/client/use-stored-state";
import { userLabel } from "@/lib/client/user-display";
import type { IndexedIdentityPage } from "@/lib/schemas/identity";
import { formatNumber } from "@/lib/utils";

// The user column is always shown; lists saved before it was renamed (it was "email") still count.
const isColumnList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string") && (v.includes(USER_COLUMN) || v.includes("email"));
// Lists saved before "Last session" became "Last sign-in" keep the column.
const RENAMED: Record<string, string> = { last_session: "last_sign_in" };

export interface UsersViewProps {
  /** The first page the server loaded, for the URL in `initialSearch` (usersSearch of the parsed URL). */
  initialData?: IndexedIdentityPage;
  initialSearch: string;
  providers: string[];
}

export function UsersView({ initialData, initialSearch, providers }: UsersViewProps) {
  const url = useUsersUrl();
  const view = url.state;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [stored, setColumns] = useStoredState("truss-users-columns", DEFAULT_COLUMNS, isColumnList);
  const columns = useMemo(() => stored.map((id) => RENAMED[id] ?? id), [stored]);
  const schemas = useSchemasQuery().data?.items;
  const query = toListQuery(view);
  const { page_size: _size, page_token: _token, ...exportQuery } = query;
  const users = useUsersQuery(query, usersSearch(view) === initialSearch ? initialData : undefined);
  const table = useMemo(() => userColumns(schemas ?? [], columns.includes("email")), [schemas, columns]);
  const visible = useMemo(
    () => table.columns.filter((c) => c.id === USER_COLUMN || columns.includes(c.id)),
    [table, columns],
  );
  const labels = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, userLabel(u)])), [users.data]);
  const filtered = isFiltered(view);
  const onSort = (sort: UsersSort) =>
    url.update({ sort, order: sort === view.sort ? (view.order === "asc" ? "desc" : "asc") : defaultOrder(sort) });
  const page = users.data;
  const first = (view.page - 1) * view.page_size;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <UsersToolbar filters={view} providers={providers} schemas={schemas ?? []} onChange={url.update} />
        <div className="flex flex-wrap gap-2">
          <ColumnChooser
            columns={table.options}
            visible={columns}
            onChange={(v) => setColumns([USER_COLUMN, ...v.filter((id) => id !== USER_COLUMN)])}
            locked={[USER_COLUMN]}
          />
          <ExportButton query={exportQuery} />
          <ImportDialog />
          <CreateUserDialog />
        </div>
      </div>
      <BulkBar selected={selected} labels={labels} onDone={() => setSelected(new Set())} />
      {users.error && (
        <ErrorState
          message={users.error.message}
          action={
            view.page > 1 && (
              <Button size="sm" onClick={() => url.update({})}>
                Back to the first page
              </Button>
            )
          }
        />
      )}
      {!page ? (
        users.error ? null : (
          <div role="status" aria-label="Loading users" className="space-y-2">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        )
      ) : (
        <>
          <UsersSummary
            total={page.total}
            filtered={filtered}
            index={page.index}
            pageSize={view.page_size}
            onPageSize={(page_size) => url.update({ page_size })}
          />
          <UsersTable
            columns={visible}
            rows={page.items}
            sort={view.sort}
            order={view.order}
            onSort={onSort}
            selected={selected}
            onSelectedChange={setSelected}
            busy={users.isFetching}
            empty={
              <EmptyState title={filtered ? "No users match these filters" : "No users yet"}>
                {filtered
                  ? "Try fewer or shorter words, or clear the filters."
                  : "Create a user or import a CSV file to get started."}
              </EmptyState>
            }
          />
          <Pager
            page={view.page}
            hasNext={!!page.next_page_token}
            busy={users.isFetching}
            onPrev={url.prev}
            onNext={() => page.next_page_token && url.next(page.next_page_token)}
            summary={[
              page.items.length > 0 &&
                `${formatNumber(first + 1)}–${formatNumber(first + page.items.length)} of ${formatNumber(page.total)}`,
              selected.size > 0 && `${formatNumber(selected.size)} selected`,
            ]
              .filter(Boolean)
              .join(", ")}
          />
        </>
      )}
    </div>
  );
}
