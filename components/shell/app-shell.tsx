"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";
import { cn } from "@/lib/utils";

export interface AppShellProps {
  header: ReactNode;
  banner?: ReactNode;
  children: ReactNode;
}

/** Sidebar on wide screens; on phones the sidebar becomes a drawer behind a menu button. */
export function AppShell({ header, banner, children }: AppShellProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-gray-900"
      >
        Skip to content
      </a>
      <aside
        className={cn(
          "fixed inset-y-0 left-0 z-40 w-60 shrink-0 border-r border-gray-200 bg-white p-4 md:static md:block dark:border-gray-800 dark:bg-gray-900",
          open ? "block" : "hidden",
        )}
      >
        <Link
          href="/"
          className="mb-6 flex items-center gap-2 px-3 text-lg font-semibold text-gray-900 dark:text-gray-50"
        >
          <svg aria-hidden viewBox="0 0 32 32" className="size-6">
            <rect width="32" height="32" rx="7" fill="#4f46e5" />
            <path d="M6 24 16 7l10 17H6Zm5-3h10l-5-8.5L11 21Z" fill="#fff" />
          </svg>
          Truss Auth
        </Link>
        <nav aria-label="Main">
          <NavLinks onNavigate={() => setOpen(false)} />
        </nav>
      </aside>
      {open && (
        <div aria-hidden className="fixed inset-0 z-30 bg-gray-950/50 md:hidden" onClick={() => setOpen(false)} />
      )}
      <div className="min-w-0 flex-1">
        <header className="sticky top-0 z-20 flex h-14 items-center justify-between gap-3 border-b border-gray-200 bg-white/95 px-4 backdrop-blur dark:border-gray-800 dark:bg-gray-900/95">
          <button
            type="button"
            className="rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium text-gray-800 md:hidden dark:border-gray-600 dark:text-gray-100"
            aria-expanded={open}
            aria-label={open ? "Close menu" : "Open menu"}
            onClick={() => setOpen((o) => !o)}
          >
            Menu
          </button>
          <div className="ml-auto flex min-w-0 items-center gap-3">{header}</div>
        </header>
        {banner}
        <main id="main" className="mx-auto max-w-7xl p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
