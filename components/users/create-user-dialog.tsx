"use client";

import { SchemasError } from "@/components/schemas/schemas-error";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { traitsErrorMessage } from "@/components/schema-form/api-error";
import { fieldErrors } from "@/lib/client/fetcher";
import { SchemaForm } from "@/components/schema-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/empty-state";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useSchemasQuery } from "@/lib/client/queries/schemas";
import { useCreateUserMutation } from "@/lib/client/queries/users";
import type { IdentitySchemaInfo } from "@/lib/schemas/identity-schema";
import type { IdentityState } from "@/lib/schemas/identity";
import { traitsFormSchema } from "@/lib/schema-form/form-schema";

export function CreateUserDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Create user
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Create user"
        description="Fill in the traits the identity schema asks for; Kratos checks them again when the user is created."
        size="lg"
      >
        <CreateUserForm onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function CreateUserForm({ onCancel }: { onCancel: () => void }) {
  const schemas = useSchemasQuery();
  const [picked, setPicked] = useState<string | null>(null);
  if (schemas.error && !schemas.data)
    return (
      <SchemasError
        message={schemas.error.message}
        retrying={schemas.isFetching}
        onRetry={() => void schemas.refetch()}
      />
    );
  if (!schemas.data)
    return (
      <div role="status" aria-label="Loading schemas" className="space-y-3">
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-9 w-full" />
      </div>
    );
  const items = schemas.data.items;
  const schema = items.find((s) => s.id === picked) ?? items.find((s) => s.is_default) ?? items[0];
  if (!schema) return <ErrorState title="Kratos has no identity schema" message="Configure one in Kratos first." />;
  return (
    <div className="space-y-4">
      {items.length > 1 && (
        <Field
          label="Identity schema"
          htmlFor="new-schema"
          hint={signsInWith(schema)}
          className="border-b border-gray-200 pb-4 dark:border-gray-700"
        >
          <Select
            id="new-schema"
            value={schema.id}
            onChange={(e) => setPicked(e.target.value)}
            options={items.map((s) => ({
              value: s.id,
              label: `${s.title}${s.title === s.id ? "" : ` (${s.id})`}${s.is_default ? " · default" : ""}`,
            }))}
          />
        </Field>
      )}
      {/* A new schema starts a new form: its traits share nothing with the previous one's. */}
      <TraitsCreateForm key={schema.id} schema={schema} onCancel={onCancel} />
    </div>
  );
}

function signsInWith(s: IdentitySchemaInfo): string {
  if (!s.identifiers.length) return "This schema has no sign-in identifier (password sign-in is not possible).";
  return `Signs in with: ${s.identifiers.map((i) => i.title).join(", ")}.`;
}

function TraitsCreateForm({ schema, onCancel }: { schema: IdentitySchemaInfo; onCancel: () => void }) {
  const router = useRouter();
  const formSchema = useMemo(() => traitsFormSchema(schema.schema), [schema.schema]);
  const [password, setPassword] = useState("");
  const [state, setState] = useState<IdentityState>("active");
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const create = useCreateUserMutation({
    onSuccess: (u) => {
      onCancel();
      router.push(`/users/${u.id}`);
    },
    onError: (err) => {
      // A password problem sits beside the password; anything else above the buttons.
      const field = fieldErrors(err).password ?? null;
      setPasswordError(field);
      setError(field ? null : traitsErrorMessage(err, schema.fields));
    },
  });
  if (!formSchema)
    return (
      <ErrorState
        title="This schema has no traits to fill in"
        message={`The identity schema "${schema.id}" does not describe a traits object.`}
      />
    );
  return (
    <SchemaForm
      schema={formSchema}
      idPrefix="new"
      disabled={create.isPending}
      className="space-y-4"
      onSubmit={(traits) => {
        setError(null);
        create.mutate({ schema_id: schema.id, traits, state, ...(password ? { password } : {}) });
      }}
    >
      <div className="space-y-4 border-t border-gray-200 pt-4 dark:border-gray-700">
        <Field
          label="Password"
          htmlFor="new-password"
          hint="Optional. Leave empty to send a recovery link or code later."
          error={passwordError ?? undefined}
        >
          <Input
            id="new-password"
            type="password"
            autoComplete="new-password"
            value={password}
            aria-invalid={!!passwordError}
            aria-describedby={passwordError ? "new-password-error" : "new-password-hint"}
            onChange={(e) => {
              setPassword(e.target.value);
              setPasswordError(null); // the message was about the old value
            }}
          />
        </Field>
        <Field label="State" htmlFor="new-state">
          <Select
            id="new-state"
            value={state}
            onChange={(e) => setState(e.target.value as IdentityState)}
            options={[
              { value: "active", label: "Active" },
              { value: "inactive", label: "Inactive" },
            ]}
          />
        </Field>
      </div>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create
        </Button>
      </div>
    </SchemaForm>
  );
}
