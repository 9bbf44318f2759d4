import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { setupPending } from "@/lib/server/services/admins";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  // Once an admin exists (or the link was used or expired) there is nothing to set up.
  if (!(await setupPending())) redirect("/login");
  const sp = await searchParams;
  const token = typeof sp.token === "string" ? sp.token : "";
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Create the first admin</h1>
      <p className="mb-5 text-sm text-gray-600 dark:text-gray-400">
        This single-use page creates the account that signs in to the dashboard.
      </p>
      <SetupForm token={token} />
    </>
  );
}
