"use client";

import type { ReactNode } from "react";
import type { UserColumn } from "@/components/users/user-columns";
import type { UsersSort } from "@/components/users/users-url";
import { Checkbox } from "@/components/ui/checkbox";
import { userLabel } from "@/lib/client/user-display";
import type { Identity } from "@/lib/schemas/identity";
import { cn } from "@/lib/utils";

export interface UsersTableProps {
  columns: UserColumn[];
  rows: Identity[];
  sort: UsersSort;
  order: "asc" | "desc";
  /** A sortable header was pressed (the view decides the order). */
  onSort: (sort: UsersSort) => void;
  selected: Set<string>;
  onSelectedChange: (next: Set<string>) => void;
  empty: ReactNode;
  busy?: boolean;
}

const th = "px-3 py-2 text-left font-medium whitespace-nowrap text-gray-700 dark:text-gray-300";

function SortHeader({
  column,
  active,
  order,
  onSort,
}: {
  column: UserColumn;
  active: boolean;
  order: "asc" | "desc";
  onSort: () => void;
}) {
  return (
    <th scope="col" aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"} className={th}>
      <button
        type="button"
        onClick={onSort}
        className={cn(
          "-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-gray-900 dark:hover:text-gray-50",
          active && "text-gray-900 dark:text-gray-50",
        )}
      >
        {column.header}
        <span aria-hidden className={cn("text-xs", !active && "text-gray-400 dark:text-gray-500")}>
          {active ? (order === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

/**
 * The users table (the shape of components/ui/data-table.tsx): row selection, and headers that sort the whole list
 * on the server. Each sortable header is a button; the header carries `aria-sort`.
 */
export function UsersTable({
  columns,
  rows,
  sort,
  order,
  onSort,
  selected,
  onSelectedChange,
  empty,
  busy,
}: UsersTableProps) {
  const ids = rows.map((u) => u.id);
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  const some = ids.some((id) => selected.has(id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };
  if (rows.length === 0) return <>{empty}</>;
  return (
    <div
      className="overflow-x-auto rounded-lg border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900"
      aria-busy={busy || undefined}
    >
      <table className="min-w-full divide-y divide-gray-200 text-sm dark:divide-gray-800">
        <caption className="sr-only">Users</caption>
        <thead className="bg-gray-50 dark:bg-gray-950">
          <tr>
            <th scope="col" className="w-10 px-3 py-2">
              <Checkbox
                aria-label="Select all rows on this page"
                checked={all}
                indeterminate={some && !all}
                onChange={() =>
                  onSelectedChange(
                    all ? new Set([...selected].filter((id) => !ids.includes(id))) : new Set([...selected, ...ids]),
                  )
                }
              />
            </th>
            {columns.map((c) =>
              c.sort ? (
                <SortHeader
                  key={c.id}
                  column={c}
                  active={c.sort === sort}
                  order={order}
                  onSort={() => c.sort && onSort(c.sort)}
                />
              ) : (
                <th key={c.id} scope="col" className={cn(th, c.className)}>
                  {c.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className={cn("divide-y divide-gray-100 dark:divide-gray-800", busy && "opacity-60")}>
          {rows.map((u) => (
            <tr key={u.id} className="hover:bg-gray-50 dark:hover:bg-gray-800/60">
              <td className="px-3 py-2">
                <Checkbox
                  aria-label={`Select ${userLabel(u)}`}
                  checked={selected.has(u.id)}
                  onChange={() => toggle(u.id)}
                />
              </td>
              {columns.map((c) => (
                <td key={c.id} className={cn("px-3 py-2 align-middle text-gray-800 dark:text-gray-200", c.className)}>
                  {c.cell(u)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
