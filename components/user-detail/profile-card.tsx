"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/client/fetcher";
import { useUpdateUserMutation } from "@/lib/client/queries/users";
import type { Identity } from "@/lib/schemas/identity";
import { formText, formatDateTime } from "@/lib/utils";

export function ProfileCard({ user }: { user: Identity }) {
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateUserMutation(user.id, {
    onError: (e) => setError(errorMessage(e)),
    onSuccess: () => setError(null),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const email = formText(d, "email").trim();
    const name = formText(d, "name").trim();
    const body: { email?: string; name?: string | null } = {};
    if (email && email !== user.email) body.email = email;
    if (name !== (user.name ?? "")) body.name = name || null;
    if (Object.keys(body).length === 0) return setError("Nothing changed.");
    update.mutate(body);
  };
  return (
    <Card title="Profile">
      <form onSubmit={submit} className="space-y-3" key={`${user.email}|${user.name}`}>
        {error && (
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            {error}
          </p>
        )}
        <Field label="Email" htmlFor="profile-email">
          <Input id="profile-email" name="email" type="email" defaultValue={user.email ?? ""} required />
        </Field>
        <Field label="Name" htmlFor="profile-name">
          <Input id="profile-name" name="name" defaultValue={user.name ?? ""} />
        </Field>
        <div className="flex justify-end">
          <Button type="submit" variant="primary" loading={update.isPending}>
            Save profile
          </Button>
        </div>
      </form>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 border-t border-gray-100 pt-3 text-sm dark:border-gray-800">
        <dt className="text-gray-600 dark:text-gray-400">ID</dt>
        <dd className="font-mono text-xs break-all">{user.id}</dd>
        <dt className="text-gray-600 dark:text-gray-400">Schema</dt>
        <dd>{user.schema_id}</dd>
        <dt className="text-gray-600 dark:text-gray-400">Updated</dt>
        <dd>{formatDateTime(user.updated_at)}</dd>
        <dt className="text-gray-600 dark:text-gray-400">State changed</dt>
        <dd>{formatDateTime(user.state_changed_at)}</dd>
      </dl>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium">Traits</summary>
        <pre className="mt-2 overflow-x-auto rounded bg-gray-50 p-3 text-xs dark:bg-gray-950">
          {JSON.stringify(user.traits, null, 2)}
        </pre>
      </details>
    </Card>
  );
}
