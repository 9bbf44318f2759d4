"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { errorMessage } from "@/lib/client/fetcher";
import { useCreateApiKeyMutation } from "@/lib/client/queries/api-keys";
import type { CreatedApiKey, KeyType } from "@/lib/schemas/api-key";
import { formText } from "@/lib/utils";

/** Create form, then the secret, shown once with a copy button and a warning. */
export function CreateKeyDialog() {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const create = useCreateApiKeyMutation({ onSuccess: setCreated, onError: (e) => setError(errorMessage(e)) });
  const close = () => {
    setOpen(false);
    setCreated(null);
    setError(null);
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const rate = formText(d, "rate").trim();
    setError(null);
    create.mutate({
      key_type: formText(d, "type") as KeyType,
      label: formText(d, "label").trim(),
      ...(rate ? { rate_limit: Number(rate) } : {}),
    });
  };
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Create API key
      </Button>
      <Dialog open={open} onClose={close} title={created ? "Copy your new key" : "Create API key"}>
        {created ? (
          <div className="space-y-4 text-sm">
            <p
              role="alert"
              className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
            >
              This is the only time the secret is shown. Store it in your secret manager now; Truss keeps only a hash.
            </p>
            <Field label="Secret" htmlFor="new-key-secret">
              <Input
                id="new-key-secret"
                readOnly
                value={created.secret}
                className="font-mono text-xs"
                onFocus={(e) => e.target.select()}
              />
            </Field>
            <div className="flex justify-end gap-2">
              <CopyButton value={created.secret} label="Copy secret" size="md" />
              <Button variant="primary" onClick={close}>
                Done
              </Button>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="space-y-4">
            {error && (
              <p role="alert" className="text-sm text-red-800 dark:text-red-300">
                {error}
              </p>
            )}
            <Field label="Label" htmlFor="key-label" hint="Where the key is used, e.g. “billing worker”.">
              <Input id="key-label" name="label" required maxLength={100} autoComplete="off" />
            </Field>
            <Field
              label="Type"
              htmlFor="key-type"
              hint="Secret keys (truss_sk_) manage users through /v1; public keys (truss_pk_) are for browsers."
            >
              <Select
                id="key-type"
                name="type"
                defaultValue="service_role"
                options={[
                  { value: "service_role", label: "Secret (service_role)" },
                  { value: "anon", label: "Public (anon)" },
                ]}
              />
            </Field>
            <Field label="Rate limit (requests per minute)" htmlFor="key-rate" hint="Optional; empty means unlimited.">
              <Input id="key-rate" name="rate" type="number" min={1} max={100000} inputMode="numeric" />
            </Field>
            <div className="flex justify-end gap-2">
              <Button onClick={close}>Cancel</Button>
              <Button type="submit" variant="primary" loading={create.isPending}>
                Create key
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
