import type { Metadata } from "next";
import { SchemasView } from "@/components/schemas/schemas-view";
import { PageHeader } from "@/components/ui/card";
import { requireAdmin } from "@/lib/server/http/page-auth";

export const metadata: Metadata = { title: "Identity schemas" };

export default async function SchemasPage() {
  await requireAdmin("/schemas");
  return (
    <>
      <PageHeader
        title="Identity schemas"
        description="The identity schemas Kratos knows: which traits sign a user in, which addresses are verified, and the traits each user has. New users get the default schema unless you pick another."
      />
      <SchemasView />
    </>
  );
}
