import type { Metadata } from "next";
import { UsersView } from "@/components/users/users-view";
import { parseUsersUrl, usersSearch } from "@/components/users/users-url";
import { PageHeader } from "@/components/ui/card";
import { listUsers } from "@/lib/server/services/users-list";
import { requireAdmin } from "@/lib/server/http/page-auth";
import { oidcProviderIds } from "@/lib/server/services/providers";
import type { IndexedIdentityPage } from "@/lib/schemas/identity";

export const metadata: Metadata = { title: "Users" };

type SP = Record<string, string | string[] | undefined>;

export default async function UsersPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requireAdmin("/users");
  // The same parse as the browser's (listIdentitiesQuerySchema; defaults when it refuses the URL), so the first page
  // rendered here is the page the browser asks for: page N on a reload at page N.
  const state = parseUsersUrl(await searchParams);
  const { page: _page, ...query } = state;
  let initialData: IndexedIdentityPage | undefined;
  try {
    initialData = await listUsers(query);
  } catch {
    // The client query retries and shows the API's error message.
    initialData = undefined;
  }
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone with an identity in Ory Kratos, from Truss's identity index. Search finds words anywhere in an email, username, phone number, name, other trait or ID."
      />
      <UsersView initialData={initialData} initialSearch={usersSearch(state)} providers={oidcProviderIds()} />
    </>
  );
}
