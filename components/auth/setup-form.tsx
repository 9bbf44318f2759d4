"use client";

import { useState, type FormEvent } from "react";
import { traitsErrorMessage } from "@/components/schema-form/api-error";
import { SchemaForm } from "@/components/schema-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/client/fetcher";
import { useSetupMutation } from "@/lib/client/queries/auth";
import type { TraitField } from "@/lib/identity-schema";
import { formText } from "@/lib/utils";

/** The default identity schema's traits, for a schema without an email trait (the setup page decides). */
export interface SetupTraits {
  schema: Record<string, unknown>;
  fields: TraitField[];
}

export function SetupForm({ token, traits }: { token: string; traits?: SetupTraits | null }) {
  if (traits) return <SetupTraitsForm token={token} traits={traits} />;
  return <SetupEmailForm token={token} />;
}

function SetupDone() {
  return (
    <div role="status" className="space-y-3 text-sm">
      <p>The first admin account is ready. The setup link no longer works.</p>
      <a href="/login" className="font-medium text-indigo-700 underline dark:text-indigo-300">
        Continue to sign in
      </a>
    </div>
  );
}

function SetupAlerts({ token, error }: { token: string; error: string | null }) {
  return (
    <>
      {!token && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          This page needs the setup link printed in the server log (it carries a token).
        </p>
      )}
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {error}
        </p>
      )}
    </>
  );
}

const PASSWORD_HINT = "8–64 characters; not your email; not a common password.";

/** For a default schema without an email trait: its traits as a generated form, then the password. */
function SetupTraitsForm({ token, traits }: { token: string; traits: SetupTraits }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const setup = useSetupMutation({
    onSuccess: () => setDone(true),
    onError: (err) => setError(traitsErrorMessage(err, traits.fields)),
  });
  if (done) return <SetupDone />;
  return (
    <div className="space-y-4">
      <SetupAlerts token={token} error={error} />
      <SchemaForm
        schema={traits.schema}
        idPrefix="setup"
        className="space-y-4"
        disabled={setup.isPending}
        onSubmit={(t) => {
          if (!password) return setError("Choose a password.");
          if (password !== confirm) return setError("The two passwords do not match.");
          setError(null);
          setup.mutate({ token, traits: t, password });
        }}
      >
        <Field label="Password" htmlFor="password" hint={PASSWORD_HINT}>
          <Input
            id="password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            maxLength={64}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Field label="Confirm password" htmlFor="confirm">
          <Input
            id="confirm"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </Field>
        <Button type="submit" variant="primary" className="w-full" loading={setup.isPending} disabled={!token}>
          Create admin account
        </Button>
      </SchemaForm>
    </div>
  );
}

function SetupEmailForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const setup = useSetupMutation({ onSuccess: () => setDone(true), onError: (err) => setError(errorMessage(err)) });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const password = formText(d, "password");
    if (password !== formText(d, "confirm")) return setError("The two passwords do not match.");
    setError(null);
    const name = formText(d, "name").trim();
    setup.mutate({ token, email: formText(d, "email"), password, ...(name ? { name } : {}) });
  };
  if (done) return <SetupDone />;
  return (
    <form onSubmit={submit} className="space-y-4">
      <SetupAlerts token={token} error={error} />
      <Field label="Name (optional)" htmlFor="name">
        <Input id="name" name="name" autoComplete="name" />
      </Field>
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required />
      </Field>
      <Field label="Password" htmlFor="password" hint={PASSWORD_HINT}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          maxLength={64}
          required
        />
      </Field>
      <Field label="Confirm password" htmlFor="confirm">
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" variant="primary" className="w-full" loading={setup.isPending} disabled={!token}>
        Create admin account
      </Button>
    </form>
  );
}
