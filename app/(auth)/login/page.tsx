import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { env } from "@/lib/server/env";
import { currentAdmin } from "@/lib/server/session";
import { safeNextPath } from "@/lib/utils";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const sp = await searchParams;
  const next = typeof sp.next === "string" ? safeNextPath(sp.next) : "/";
  // Already signed in (or auth disabled): no reason to show the form.
  const session = await currentAdmin().catch(() => null);
  if (session && (session.admin || !env().TRUSS_AUTH_REQUIRED)) redirect(next);
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-5 text-sm text-gray-600 dark:text-gray-400">Dashboard admins only.</p>
      <LoginForm next={next} />
    </>
  );
}
