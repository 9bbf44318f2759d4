import type { Metadata } from "next";
import { AuditView, type AuditFilters } from "@/components/audit/audit-view";
import { PageHeader } from "@/components/ui/card";
import { listAudit } from "@/lib/server/services/audit";
import { requireAdmin } from "@/lib/server/http/page-auth";
import type { AuditPage } from "@/lib/schemas/audit";

export const metadata: Metadata = { title: "Audit log" };

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim().slice(0, 200) : "");

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requireAdmin("/audit");
  const sp = await searchParams;
  const filters: AuditFilters = { actor: one(sp.actor), action: one(sp.action), target: one(sp.target) };
  let initialData: AuditPage | undefined;
  try {
    initialData = await listAudit({
      page_size: 50,
      actor: filters.actor || undefined,
      action: filters.action || undefined,
      target: filters.target || undefined,
    });
  } catch {
    initialData = undefined;
  }
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every admin action, who did it, from where, and whether it worked. Newest first."
      />
      <AuditView initialFilters={filters} initialData={initialData} />
    </>
  );
}
