import type { Metadata } from "next";
import { EmbeddedSocialNotice } from "@/components/auth/social-notice";
import { ProvidersView } from "@/components/providers/providers-view";
import { usesEmbeddedKratos } from "@/lib/server/env";
import { PageHeader } from "@/components/ui/card";
import { requireAdmin } from "@/lib/server/http/page-auth";
import { listProviders } from "@/lib/server/services/providers";
import type { Provider } from "@/lib/schemas/provider";

export const metadata: Metadata = { title: "Providers" };

export default async function ProvidersPage() {
  await requireAdmin("/providers");
  let initialData: { items: Provider[]; errors: string[] } | undefined;
  try {
    initialData = await listProviders();
  } catch {
    initialData = undefined;
  }
  return (
    <>
      <PageHeader
        title="Social sign-in providers"
        description="Configured from environment variables. Register each callback URL with the provider."
      />
      {usesEmbeddedKratos() && (
        <div className="mb-4">
          <EmbeddedSocialNotice what="Social sign-in" />
        </div>
      )}
      <ProvidersView initialData={initialData} />
    </>
  );
}
