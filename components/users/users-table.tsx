"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { BulkDialog, type BulkAction } from "@/components/users/bulk-dialog";
import type { UserColumn } from "@/components/users/user-columns";
import type { UsersSort } from "@/components/users/users-url";
import { DataTable } from "@/components/ui/data-table";
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

/**
 * The users table: a DataTable with row selection, headers that sort the whole list on the server (`aria-sort` on
 * each), and a row "Actions" menu whose changes go through the bulk dialog.
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
  const [pending, setPending] = useState<{ action: BulkAction; user: Identity } | null>(null);
  return (
    <>
      <DataTable
        caption="Users"
        columns={columns}
        rows={rows}
        rowId={(u) => u.id}
        rowLabel={userLabel}
        selected={selected}
        onSelectedChange={onSelectedChange}
        empty={empty}
        busy={busy}
        sortOf={({ sort: by }) => by && { order: by === sort ? order : null, onSort: () => onSort(by) }}
        rowActions={(u) => <RowActions user={u} onAction={(action) => setPending({ action, user: u })} />}
      />
      {/* Kept when the list empties (a delete of the last row), so its results stay on screen. */}
      {pending && (
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
      )}
    </>
  );
}
