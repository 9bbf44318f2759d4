import type { Metadata } from "next";
import { OverviewView } from "@/components/overview/overview-view";
import { PageHeader } from "@/components/ui/card";
import { requireAdmin } from "@/lib/server/http/page-auth";
import { getStats } from "@/lib/server/services/stats";
import type { Stats } from "@/lib/schemas/stats";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requireAdmin();
  let initialData: Stats | undefined;
  try {
    initialData = await getStats();
  } catch {
    initialData = undefined;
  }
  return (
    <>
      <PageHeader
        title="Overview"
        description="Users, sign-ups and sign-ins, and the health of Ory Kratos. Exact figures from Truss's identity index, which follows Kratos."
      />
      <OverviewView initialData={initialData} />
    </>
  );
}
