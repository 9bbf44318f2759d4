"use client";

import type { ReactNode } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/lib/utils";

export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

/** A header that sorts the list: a button, with `aria-sort` on the header cell. */
export interface HeaderSort {
  order: "asc" | "desc" | null; // null: the list is sorted by another column
  onSort: () => void;
}

export interface DataTableProps<T, C extends Column<T> = Column<T>> {
  caption: string;
  columns: C[];
  rows: T[];
  rowId: (row: T) => string;
  rowLabel?: (row: T) => string;
  selected?: Set<string>;
  onSelectedChange?: (next: Set<string>) => void;
  empty?: ReactNode;
  busy?: boolean;
  /** Makes a column's header a sort button. */
  sortOf?: (column: C) => HeaderSort | undefined;
  /** A last column that stays in view at the right edge while a wide table scrolls sideways (phones). */
  rowActions?: (row: T) => ReactNode;
}

const th = "px-3 py-2 text-left font-medium whitespace-nowrap text-gray-700 dark:text-gray-300";
const stickyEnd = "sticky right-0 w-12 px-2 py-2 text-right";

function SortHeader({ header, sort, className }: { header: string; sort: HeaderSort; className?: string }) {
  const { order } = sort;
  return (
    <th
      scope="col"
      aria-sort={order === "asc" ? "ascending" : order === "desc" ? "descending" : "none"}
      className={cn(th, className)}
    >
      <button
        type="button"
        onClick={sort.onSort}
        className={cn(
          "-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-gray-900 dark:hover:text-gray-50",
          order && "text-gray-900 dark:text-gray-50",
        )}
      >
        {header}
        <span aria-hidden className={cn("text-xs", !order && "text-gray-400 dark:text-gray-500")}>
          {order === "asc" ? "▲" : order === "desc" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}

/** A plain, accessible table that scrolls horizontally on narrow screens; optional selection, sorting, row actions. */
export function DataTable<T, C extends Column<T> = Column<T>>({
  caption,
  columns,
  rows,
  rowId,
  rowLabel,
  selected,
  onSelectedChange,
  empty,
  busy,
  sortOf,
  rowActions,
}: DataTableProps<T, C>) {
  const selectable = !!selected && !!onSelectedChange;
  const ids = rows.map(rowId);
  const all = selectable && ids.length > 0 && ids.every((id) => selected.has(id));
  const some = selectable && ids.some((id) => selected.has(id));
  const toggle = (id: string) => {
    if (!selected || !onSelectedChange) return;
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };
  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <div
      className="overflow-x-auto rounded-lg border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900"
      aria-busy={busy || undefined}
    >
      <table className="min-w-full divide-y divide-gray-200 text-sm dark:divide-gray-800">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50 dark:bg-gray-950">
          <tr>
            {selectable && (
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
            )}
            {columns.map((c) => {
              const sort = sortOf?.(c);
              return sort ? (
                <SortHeader key={c.id} header={c.header} sort={sort} className={c.className} />
              ) : (
                <th key={c.id} scope="col" className={cn(th, c.className)}>
                  {c.header}
                </th>
              );
            })}
            {rowActions && (
              <th scope="col" className={cn(stickyEnd, "bg-gray-50 dark:bg-gray-950")}>
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className={cn("divide-y divide-gray-100 dark:divide-gray-800", busy && "opacity-60")}>
          {rows.map((row) => {
            const id = rowId(row);
            return (
              <tr key={id} className="group hover:bg-gray-50 dark:hover:bg-gray-800/60">
                {selectable && (
                  <td className="px-3 py-2">
                    <Checkbox
                      aria-label={`Select ${rowLabel?.(row) ?? id}`}
                      checked={selected.has(id)}
                      onChange={() => toggle(id)}
                    />
                  </td>
                )}
                {columns.map((c) => (
                  <td key={c.id} className={cn("px-3 py-2 align-middle text-gray-800 dark:text-gray-200", c.className)}>
                    {c.cell(row)}
                  </td>
                ))}
                {rowActions && (
                  <td
                    className={cn(
                      stickyEnd,
                      "bg-white group-hover:bg-gray-50 dark:bg-gray-900 dark:group-hover:bg-gray-800",
                    )}
                  >
                    {rowActions(row)}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
