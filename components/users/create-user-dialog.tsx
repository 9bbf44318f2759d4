"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { errorMessage } from "@/lib/client/fetcher";
import { useCreateUserMutation } from "@/lib/client/queries/users";
import type { IdentityState } from "@/lib/schemas/identity";
import { formText } from "@/lib/utils";

export function CreateUserDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateUserMutation({
    onSuccess: (u) => {
      setOpen(false);
      router.push(`/users/${u.id}`);
    },
    onError: (err) => setError(errorMessage(err)),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const password = formText(d, "password");
    const name = formText(d, "name").trim();
    setError(null);
    create.mutate({
      email: formText(d, "email").trim(),
      state: formText(d, "state") as IdentityState,
      ...(password ? { password } : {}),
      ...(name ? { name } : {}),
    });
  };
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Create user
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Create user"
        description="The user can sign in with this email and password."
      >
        <form id="create-user-form" onSubmit={submit} className="space-y-4">
          {error && (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
              {error}
            </p>
          )}
          <Field label="Email" htmlFor="new-email">
            <Input id="new-email" name="email" type="email" required autoComplete="off" />
          </Field>
          <Field label="Name" htmlFor="new-name">
            <Input id="new-name" name="name" autoComplete="off" />
          </Field>
          <Field
            label="Password"
            htmlFor="new-password"
            hint="Optional. Leave empty to send a recovery link or code later."
          >
            <Input id="new-password" name="password" type="password" autoComplete="new-password" />
          </Field>
          <Field label="State" htmlFor="new-state">
            <Select
              id="new-state"
              name="state"
              defaultValue="active"
              options={[
                { value: "active", label: "Active" },
                { value: "inactive", label: "Inactive" },
              ]}
            />
          </Field>
          <div className="flex justify-end gap-2 pt-2">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="primary" loading={create.isPending}>
              Create
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
