import type { Metadata } from "next";
import { ApiKeysView } from "@/components/api-keys/api-keys-view";
import { PageHeader } from "@/components/ui/card";
import { listApiKeys } from "@/lib/server/services/api-keys";
import { requireAdmin } from "@/lib/server/http/page-auth";
import type { ApiKey } from "@/lib/schemas/api-key";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requireAdmin("/settings/api-keys");
  let initialData: { items: ApiKey[] } | undefined;
  try {
    initialData = { items: await listApiKeys() };
  } catch {
    initialData = undefined;
  }
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the /v1 API. Secrets are shown once at creation; only their hashes are stored."
      />
      <ApiKeysView initialData={initialData} />
    </>
  );
}
