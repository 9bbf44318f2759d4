"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge, StateBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteUserMutation, useSetAdminMutation, useSetUserStateMutation } from "@/lib/client/queries/users";
import { otherIdentifiers, userLabel } from "@/lib/client/user-display";
import type { Identity } from "@/lib/schemas/identity";
import { formatDateTime } from "@/lib/utils";

type Pending = "deactivate" | "delete" | "demote" | null;

/** Title, badges and the account-level actions (state, admin role, delete), each confirmed when destructive. */
export function UserHeader({ user }: { user: Identity }) {
  const router = useRouter();
  const [confirm, setConfirm] = useState<Pending>(null);
  const close = () => setConfirm(null);
  const setState = useSetUserStateMutation(user.id, { onSuccess: close });
  const setAdmin = useSetAdminMutation(user.id, { onSuccess: close });
  const del = useDeleteUserMutation({ onSuccess: () => router.push("/users") });
  const label = userLabel(user);
  const others = otherIdentifiers(user);
  // Typed before a delete: the first sign-in identifier (unique to this user), else the name the title shows.
  const confirmText = user.identifiers[0]?.value ?? label;
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <h1 className="truncate text-2xl font-semibold tracking-tight">{label}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-gray-600 dark:text-gray-400">
          <StateBadge state={user.state} />
          {user.is_admin && <Badge tone="indigo">Dashboard admin</Badge>}
          {others.length > 0 && <span className="break-all">{others.join(" · ")}</span>}
          <span>Created {formatDateTime(user.created_at)}</span>
          {user.email && (
            <Link
              href={`/messages?recipient=${encodeURIComponent(user.email)}`}
              className="text-indigo-700 hover:underline dark:text-indigo-300"
            >
              Messages sent to this user
            </Link>
          )}
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        {user.state === "active" ? (
          <Button onClick={() => setConfirm("deactivate")}>Deactivate</Button>
        ) : (
          <Button onClick={() => setState.mutate("active")} loading={setState.isPending}>
            Activate
          </Button>
        )}
        {user.is_admin ? (
          <Button onClick={() => setConfirm("demote")}>Remove admin</Button>
        ) : (
          <Button onClick={() => setAdmin.mutate(true)} loading={setAdmin.isPending}>
            Make admin
          </Button>
        )}
        <Button variant="danger" onClick={() => setConfirm("delete")}>
          Delete user
        </Button>
      </div>
      <ConfirmDialog
        open={confirm === "deactivate"}
        onClose={close}
        onConfirm={() => setState.mutate("inactive")}
        pending={setState.isPending}
        title={`Deactivate ${label}?`}
        description="They are signed out of every session at once and cannot sign in until you activate them again."
        confirmLabel="Deactivate"
      />
      <ConfirmDialog
        open={confirm === "demote"}
        onClose={close}
        onConfirm={() => setAdmin.mutate(false)}
        pending={setAdmin.isPending}
        title="Remove the admin role?"
        description={`${label} will no longer be able to sign in to this dashboard. The last admin cannot be removed.`}
        confirmLabel="Remove admin"
      />
      <ConfirmDialog
        open={confirm === "delete"}
        onClose={close}
        onConfirm={() => del.mutate(user.id)}
        pending={del.isPending}
        title={`Delete ${label}?`}
        description="The identity, its credentials and its sessions are deleted permanently. This cannot be undone."
        confirmLabel="Delete user"
        requireText={confirmText}
      />
    </div>
  );
}
