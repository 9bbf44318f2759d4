"use client";

import { useMemo, useState } from "react";
import { traitsErrorMessage } from "@/components/schema-form/api-error";
import { SchemaForm } from "@/components/schema-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useSchemasQuery } from "@/lib/client/queries/schemas";
import { useUpdateUserMutation } from "@/lib/client/queries/users";
import type { Identity } from "@/lib/schemas/identity";
import { pruneTraits, traitsFormSchema } from "@/lib/schema-form/form-schema";
import { formatDateTime } from "@/lib/utils";

type Traits = Record<string, unknown>;

/** JSON with object keys sorted, so the same traits compare equal whatever order the form kept. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}

/** The user's traits as the form their schema generates, with a raw JSON editor as the way out; Kratos validates both. */
export function ProfileCard({ user }: { user: Identity }) {
  const schemas = useSchemasQuery();
  const info = schemas.data?.items.find((s) => s.id === user.schema_id);
  const formSchema = useMemo(() => (info ? traitsFormSchema(info.schema) : null), [info]);
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateUserMutation(user.id, {
    onError: (e) => setError(traitsErrorMessage(e, info?.fields)),
    onSuccess: () => setError(null),
  });
  const save = (traits: Traits) => {
    if (canonical(traits) === canonical(pruneTraits(user.traits))) return setError("Nothing changed.");
    setError(null);
    update.mutate({ traits });
  };
  // Saved traits come back from the server: both editors start again from them.
  const version = canonical(user.traits);
  return (
    <Card title="Profile">
      {error && (
        <p
          role="alert"
          className="mb-3 rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
        >
          {error}
        </p>
      )}
      {formSchema ? (
        <SchemaForm
          key={`form:${version}`}
          schema={formSchema}
          idPrefix="profile"
          initialData={user.traits}
          disabled={update.isPending}
          className="space-y-3"
          onSubmit={save}
        >
          <div className="flex justify-end">
            <Button type="submit" variant="primary" loading={update.isPending}>
              Save profile
            </Button>
          </div>
        </SchemaForm>
      ) : schemas.isPending ? (
        <div role="status" aria-label="Loading the schema" className="space-y-3">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-full" />
        </div>
      ) : (
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {schemas.error
            ? `The identity schemas could not be read (${schemas.error.message}).`
            : `Kratos has no form for the schema “${user.schema_id}”.`}{" "}
          Edit the traits as JSON below.
        </p>
      )}
      <RawTraitsEditor
        key={`json:${version}`}
        user={user}
        open={!formSchema && !schemas.isPending}
        pending={update.isPending}
        onSave={save}
      />
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 border-t border-gray-100 pt-3 text-sm dark:border-gray-800">
        <dt className="text-gray-600 dark:text-gray-400">ID</dt>
        <dd className="font-mono text-xs break-all">{user.id}</dd>
        <dt className="text-gray-600 dark:text-gray-400">Schema</dt>
        <dd>{info && info.title !== user.schema_id ? `${info.title} (${user.schema_id})` : user.schema_id}</dd>
        <dt className="text-gray-600 dark:text-gray-400">Updated</dt>
        <dd>{formatDateTime(user.updated_at)}</dd>
        <dt className="text-gray-600 dark:text-gray-400">State changed</dt>
        <dd>{formatDateTime(user.state_changed_at)}</dd>
      </dl>
    </Card>
  );
}

function parse(text: string): { value: Traits | null; error: string | null } {
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== "object" || Array.isArray(v))
      return { value: null, error: "Traits must be a JSON object ({ … })." };
    return { value: v as Traits, error: null };
  } catch (e) {
    return { value: null, error: `Invalid JSON: ${e instanceof Error ? e.message : "parse error"}` };
  }
}

function RawTraitsEditor({
  user,
  open,
  pending,
  onSave,
}: {
  user: Identity;
  open: boolean;
  pending: boolean;
  onSave: (traits: Traits) => void;
}) {
  const initial = JSON.stringify(user.traits, null, 2);
  const [text, setText] = useState(initial);
  const { value, error } = parse(text);
  return (
    <details className="mt-3 text-sm" open={open || undefined}>
      <summary className="cursor-pointer font-medium">Advanced: edit raw JSON</summary>
      <div className="mt-2 space-y-2">
        <Field
          label="Traits (JSON)"
          htmlFor="profile-traits-json"
          hint="Replaces all traits. Kratos checks them against the schema on save."
          error={error}
        >
          <Textarea
            id="profile-traits-json"
            rows={10}
            value={text}
            spellCheck={false}
            aria-invalid={!!error}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={() => setText(initial)} disabled={text === initial}>
            Reset
          </Button>
          <Button
            variant="primary"
            disabled={!!error || text === initial}
            loading={pending}
            onClick={() => value && onSave(value)}
          >
            Save JSON
          </Button>
        </div>
      </div>
    </details>
  );
}
