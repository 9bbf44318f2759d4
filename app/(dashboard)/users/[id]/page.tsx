import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserDetail } from "@/components/user-detail/user-detail";
import { ApiError } from "@/lib/server/http/errors";
import { getIdentity, listIdentitySessions } from "@/lib/server/kratos";
import { requireAdmin } from "@/lib/server/http/page-auth";
import { uuidSchema } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/users/${id}`);
  if (!uuidSchema.safeParse(id).success) notFound();
  const user = await getIdentity(id).catch((err: unknown) => {
    if (err instanceof ApiError && err.id === "not_found") notFound();
    throw err;
  });
  const sessions = await listIdentitySessions(id).catch(() => undefined);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/users" className="text-indigo-700 hover:underline dark:text-indigo-300">
          ← Users
        </Link>
      </nav>
      <UserDetail initialUser={user} initialSessions={sessions} />
    </>
  );
}
