"use client";

import { CredentialsCard } from "@/components/user-detail/credentials-card";
import { MetadataEditor } from "@/components/user-detail/metadata-editor";
import { PasswordCard } from "@/components/user-detail/password-card";
import { ProfileCard } from "@/components/user-detail/profile-card";
import { UserAudit } from "@/components/user-detail/user-audit";
import { UserHeader } from "@/components/user-detail/user-header";
import { UserSessions } from "@/components/user-detail/user-sessions";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorState } from "@/components/ui/empty-state";
import { useUserQuery } from "@/lib/client/queries/users";
import type { Identity } from "@/lib/schemas/identity";
import type { SessionPage } from "@/lib/schemas/session";

export interface UserDetailProps {
  initialUser: Identity;
  initialSessions?: SessionPage;
}

export function UserDetail({ initialUser, initialSessions }: UserDetailProps) {
  const query = useUserQuery(initialUser.id, initialUser);
  const user = query.data ?? initialUser;
  if (query.error?.id === "not_found") return <ErrorState title="User deleted" message="This user no longer exists." />;
  const raw = JSON.stringify(user, null, 2);
  return (
    <>
      <UserHeader user={user} />
      <div className="grid gap-4 lg:grid-cols-2">
        <ProfileCard user={user} />
        <CredentialsCard user={user} />
        <MetadataEditor key={JSON.stringify(user.metadata_public)} user={user} />
        <PasswordCard userId={user.id} />
      </div>
      <div className="mt-4 space-y-4">
        <UserSessions userId={user.id} initialData={initialSessions} />
        <UserAudit userId={user.id} />
        <Card title="Raw JSON" actions={<CopyButton value={raw} label="Copy JSON" />}>
          <details>
            <summary className="cursor-pointer text-sm font-medium">Show the identity as the API returns it</summary>
            <pre className="mt-2 max-h-96 overflow-auto rounded bg-gray-50 p-3 text-xs dark:bg-gray-950">{raw}</pre>
          </details>
        </Card>
      </div>
    </>
  );
}
