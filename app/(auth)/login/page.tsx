import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { setupPending } from "@/lib/server/services/admins";
import { env } from "@/lib/server/env";
import { currentAdmin } from "@/lib/server/http/session";
import { safeNextPath } from "@/lib/utils";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const sp = await searchParams;
  const next = typeof sp.next === "string" ? safeNextPath(sp.next) : "/";
  // Already signed in (or auth disabled): no reason to show the form.
  const session = await currentAdmin().catch(() => null);
  if (session && (session.admin || !env().TRUSS_AUTH_REQUIRED)) redirect(next);
  const pending = await setupPending().catch(() => false);
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-5 text-sm text-gray-600 dark:text-gray-400">Dashboard admins only.</p>
      {pending && (
        <p
          role="status"
          className="mb-5 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          No admin yet: use the setup link printed by the server, in the line that starts with{" "}
          <code className="break-all">[truss] No admin yet. Create the first one</code>. It is valid for one hour.
        </p>
      )}
      <LoginForm next={next} />
    </>
  );
}
