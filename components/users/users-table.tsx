"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { BulkDialog, type BulkAction } from "@/components/users/bulk-dialog";
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
/** The actions column stays in view at the right edge while a wide table scrolls sideways (phones). */
const stickyEnd = "sticky right-0 w-12 px-2 py-2 text-right";
/** The menu's height and a margin: less room than this under the button opens it upwards. */
const MENU_ROOM = 140;
const menuItem =
  "block w-full px-3 py-2 text-left text-sm text-gray-800 outline-none hover:bg-gray-100 focus:bg-gray-100 dark:text-gray-100 dark:hover:bg-gray-800 dark:focus:bg-gray-800";

/**
 * A row's "Actions" menu (a menu button): View, Activate or Deactivate, Delete…. The changes go through the bulk
 * dialog with this one user (its confirmation; a delete asks for the typed word). The menu is fixed to the viewport
 * under its button, so the table's sideways scroll does not clip it.
 */
function RowActions({ user, onAction }: { user: Identity; onAction: (action: BulkAction) => void }) {
  const router = useRouter();
  const [pos, setPos] = useState<{ top?: number; bottom?: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const open = pos !== null;
  const close = (refocus = true) => {
    setPos(null);
    if (refocus) button.current?.focus();
  };
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus({ preventScroll: true });
    const away = (e: Event) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setPos(null);
    };
    const shut = () => setPos(null);
    document.addEventListener("pointerdown", away);
    window.addEventListener("resize", shut);
    window.addEventListener("scroll", shut, true);
    return () => {
      document.removeEventListener("pointerdown", away);
      window.removeEventListener("resize", shut);
      window.removeEventListener("scroll", shut, true);
    };
  }, [open]);

  const toggle = () => {
    const r = button.current?.getBoundingClientRect();
    if (open || !r) return setPos(null);
    const right = Math.max(8, window.innerWidth - r.right);
    // Below the button, or above it when the row is near the bottom of the screen.
    setPos(
      r.bottom + MENU_ROOM > window.innerHeight
        ? { bottom: window.innerHeight - r.top + 4, right }
        : { top: r.bottom + 4, right },
    );
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const go: Record<string, number> = {
      ArrowDown: (at + 1) % list.length,
      ArrowUp: (at - 1 + list.length) % list.length,
      Home: 0,
      End: list.length - 1,
    };
    if (e.key in go) {
      e.preventDefault();
      list[go[e.key]!]?.focus({ preventScroll: true });
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    } else if (e.key === "Tab") close(false);
  };
  const act = (action: BulkAction) => {
    close(false);
    onAction(action);
  };
  const label = userLabel(user);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-label={`Actions for ${label}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={toggle}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            toggle();
          }
        }}
        className="inline-flex size-8 items-center justify-center rounded-md text-gray-700 hover:bg-gray-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-gray-200 dark:hover:bg-gray-800"
      >
        <span aria-hidden className="text-lg leading-none">
          ⋯
        </span>
      </button>
      {open &&
        createPortal(
          <div
            ref={menu}
            id={menuId}
            role="menu"
            aria-label={`Actions for ${label}`}
            onKeyDown={onMenuKey}
            className="fixed z-40 w-44 overflow-hidden rounded-md border border-gray-200 bg-white py-1 shadow-lg dark:border-gray-700 dark:bg-gray-900"
            style={pos}
          >
            <Link
              role="menuitem"
              tabIndex={-1}
              href={`/users/${user.id}`}
              className={menuItem}
              onClick={(e) => {
                e.preventDefault();
                close(false);
                router.push(`/users/${user.id}`);
              }}
            >
              View
            </Link>
            <button
              role="menuitem"
              tabIndex={-1}
              type="button"
              className={menuItem}
              onClick={() => act(user.state === "active" ? "deactivate" : "activate")}
            >
              {user.state === "active" ? "Deactivate" : "Activate"}
            </button>
            <button
              role="menuitem"
              tabIndex={-1}
              type="button"
              className={cn(menuItem, "text-red-700 dark:text-red-300")}
              onClick={() => act("delete")}
            >
              Delete…
            </button>
          </div>,
          document.body,
        )}
    </>
  );
}

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
  const [pending, setPending] = useState<{ action: BulkAction; user: Identity } | null>(null);
  const dialog = pending && (
    <BulkDialog
      action={pending.action}
      ids={[pending.user.id]}
      labels={new Map([[pending.user.id, userLabel(pending.user)]])}
      onClose={(finished) => {
        setPending(null);
        if (finished && selected.has(pending.user.id))
          onSelectedChange(new Set([...selected].filter((id) => id !== pending.user.id)));
      }}
    />
  );
  // The dialog keeps its place when the list empties (a delete of the last row), so its results stay on screen.
  if (rows.length === 0)
    return (
      <>
        {empty}
        {dialog}
      </>
    );
  return (
    <>
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
              <th scope="col" className={cn(stickyEnd, "bg-gray-50 dark:bg-gray-950")}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className={cn("divide-y divide-gray-100 dark:divide-gray-800", busy && "opacity-60")}>
            {rows.map((u) => (
              <tr key={u.id} className="group hover:bg-gray-50 dark:hover:bg-gray-800/60">
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
                <td
                  className={cn(
                    stickyEnd,
                    "bg-white group-hover:bg-gray-50 dark:bg-gray-900 dark:group-hover:bg-gray-800",
                  )}
                >
                  <RowActions user={u} onAction={(action) => setPending({ action, user: u })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dialog}
    </>
  );
}
