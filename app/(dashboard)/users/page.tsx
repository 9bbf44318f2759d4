import type { Metadata } from "next";
import type { UserFilters } from "@/components/users/users-toolbar";
import { UsersView } from "@/components/users/users-view";
import { PageHeader } from "@/components/ui/card";
import { listUsers } from "@/lib/server/services/users-list";
import { requireAdmin } from "@/lib/server/http/page-auth";
import { oidcProviderIds } from "@/lib/server/services/providers";
import { listIdentitiesQuerySchema, type IdentityPage } from "@/lib/schemas/identity";

export const metadata: Metadata = { title: "Users" };

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function UsersPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requireAdmin("/users");
  const sp = await searchParams;
  const state = one(sp.state);
  const filters: UserFilters = {
    search: one(sp.search).slice(0, 254),
    state: state === "active" || state === "inactive" ? state : "",
    provider: one(sp.provider).slice(0, 64),
    schema_id: one(sp.schema_id).trim().slice(0, 256),
  };
  let initialData: IdentityPage | undefined;
  try {
    initialData = await listUsers(
      listIdentitiesQuerySchema.parse({
        page_size: 50,
        q: filters.search || undefined,
        state: filters.state || undefined,
        provider: filters.provider || undefined,
        schema_id: filters.schema_id || undefined,
      }),
    );
  } catch {
    // The client query retries and shows the API's error message.
    initialData = undefined;
  }
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone with an identity in Ory Kratos. Search matches the start of an email address, username or phone number."
      />
      <UsersView initialFilters={filters} initialData={initialData} providers={oidcProviderIds()} />
    </>
  );
}
