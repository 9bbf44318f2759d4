import type { ReactNode } from "react";
import { ReauthDialog } from "@/components/auth/reauth-dialog";
import { AppShell } from "@/components/shell/app-shell";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { requireAdmin } from "@/lib/server/http/page-auth";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { admin, authRequired } = await requireAdmin();
  return (
    <AppShell
      banner={
        !authRequired && (
          <div
            role="alert"
            className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            <strong>Dashboard authentication is disabled</strong> (TRUSS_AUTH_REQUIRED=false). Anyone who can reach this
            address can manage every user. Turn it back on before exposing the dashboard.
          </div>
        )
      }
      header={
        <>
          <ThemeToggle />
          {admin && (
            <span
              className="hidden max-w-56 truncate text-sm text-gray-700 sm:inline dark:text-gray-300"
              title={admin.email ?? undefined}
            >
              {admin.email}
            </span>
          )}
          {authRequired && <SignOutButton />}
        </>
      }
    >
      {children}
      {authRequired && <ReauthDialog />}
    </AppShell>
  );
}
