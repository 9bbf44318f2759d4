"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useUnlinkProviderMutation, useVerifyAddressMutation } from "@/lib/client/queries/users";
import type { Identity } from "@/lib/schemas/identity";

/** Sign-in methods, linked social providers (unlink), verifiable and recovery addresses. */
export function CredentialsCard({ user }: { user: Identity }) {
  const [unlink, setUnlink] = useState<string | null>(null);
  const mutation = useUnlinkProviderMutation(user.id, { onSuccess: () => setUnlink(null) });
  const verify = useVerifyAddressMutation(user.id);
  return (
    <Card title="Sign-in methods">
      <div className="flex flex-wrap gap-1">
        {user.credential_types.length === 0 ? (
          <span className="text-sm text-gray-600 dark:text-gray-400">
            No credentials: the user can only get in with a recovery code or link.
          </span>
        ) : (
          user.credential_types.map((t) => <Badge key={t}>{t}</Badge>)
        )}
      </div>
      <h3 className="mt-4 text-sm font-semibold">Linked social providers</h3>
      {user.providers.length === 0 ? (
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">None linked.</p>
      ) : (
        <ul className="mt-1 divide-y divide-gray-100 text-sm dark:divide-gray-800">
          {user.providers.map((p) => (
            <li key={`${p.provider}:${p.subject}`} className="flex items-center justify-between gap-2 py-2">
              <span>
                <Badge tone="blue">{p.provider}</Badge> <code className="text-xs">{p.subject}</code>
              </span>
              <Button size="sm" onClick={() => setUnlink(p.provider)} aria-label={`Unlink ${p.provider}`}>
                Unlink
              </Button>
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-4 text-sm font-semibold">Addresses</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {user.verifiable_addresses.map((a) => (
          <li key={`v-${a.value}`} className="flex flex-wrap items-center gap-2">
            <span className="break-all">{a.value}</span>
            <Badge tone={a.verified ? "green" : "amber"}>{a.verified ? "Verified" : "Not verified"}</Badge>
            {!a.verified && (
              <Button
                size="sm"
                onClick={() => verify.mutate(a.value)}
                loading={verify.isPending && verify.variables === a.value}
                aria-label={`Mark ${a.value} as verified`}
              >
                Mark verified
              </Button>
            )}
          </li>
        ))}
        {user.recovery_addresses.map((a) => (
          <li key={`r-${a.value}`} className="flex flex-wrap items-center gap-2">
            <span className="break-all">{a.value}</span>
            <Badge>Recovery ({a.via})</Badge>
          </li>
        ))}
        {user.verifiable_addresses.length + user.recovery_addresses.length === 0 && (
          <li className="text-gray-600 dark:text-gray-400">No addresses.</li>
        )}
      </ul>
      <ConfirmDialog
        open={unlink !== null}
        onClose={() => setUnlink(null)}
        onConfirm={() => unlink && mutation.mutate(unlink)}
        pending={mutation.isPending}
        title={`Unlink ${unlink ?? ""}?`}
        description="The user can no longer sign in with this provider. Refused when it is their last way to sign in."
        confirmLabel="Unlink"
      />
    </Card>
  );
}
