import type { Metadata } from "next";
import { SessionsView } from "@/components/sessions/sessions-view";
import { PageHeader } from "@/components/ui/card";
import { listSessions } from "@/lib/server/kratos";
import { requireAdmin } from "@/lib/server/http/page-auth";
import { uuidSchema } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({
  searchParams,
}: {
  searchParams: Promise<{ identity_id?: string | string[]; identity?: string | string[] }>;
}) {
  await requireAdmin("/sessions");
  const sp = await searchParams;
  const byId = typeof sp.identity_id === "string" && uuidSchema.safeParse(sp.identity_id).success ? sp.identity_id : "";
  const byIdentifier = !byId && typeof sp.identity === "string" ? sp.identity.trim().slice(0, 254) : "";
  const user = byId || byIdentifier;
  const initialData = await listSessions({
    page_size: 50,
    ...(byId ? { identity_id: byId } : byIdentifier ? { identity: byIdentifier } : {}),
  }).catch(() => undefined);
  return (
    <>
      <PageHeader
        title="Sessions"
        description="Active sessions across every user. Revoking one signs that device out at once."
      />
      <SessionsView initialUser={user} initialData={initialData} />
    </>
  );
}
