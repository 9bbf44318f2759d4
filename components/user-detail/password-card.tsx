"use client";

import { useState, type FormEvent } from "react";
import { RecoveryForm } from "@/components/user-detail/recovery-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, Input } from "@/components/ui/input";
import { errorMessage, fieldErrors } from "@/lib/client/fetcher";
import { useResetPasswordMutation } from "@/lib/client/queries/users";
import { formText } from "@/lib/utils";

/** Set a new password (signing out everywhere by default), or hand out a recovery code or link. */
export function PasswordCard({ userId }: { userId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const reset = useResetPasswordMutation(userId, {
    onSuccess: () => {
      setError(null);
      setPasswordError(null);
      setFormKey((k) => k + 1);
    },
    onError: (e) => {
      // A password problem sits beside the password field; anything else above the form.
      const field = fieldErrors(e).password ?? null;
      setPasswordError(field);
      setError(field ? null : errorMessage(e));
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    reset.mutate({ password: formText(d, "password"), revoke_sessions: d.get("revoke") === "on" });
  };
  return (
    <Card title="Password and recovery">
      <form key={formKey} onSubmit={submit} className="space-y-3">
        <h3 className="text-sm font-semibold">Reset password</h3>
        {error && (
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            {error}
          </p>
        )}
        <Field
          label="New password"
          htmlFor="reset-password"
          hint="8–64 characters; not the email; not a common password."
          error={passwordError ?? undefined}
        >
          <Input
            id="reset-password"
            name="password"
            type="password"
            autoComplete="new-password"
            aria-invalid={!!passwordError}
            aria-describedby={passwordError ? "reset-password-error" : "reset-password-hint"}
            onChange={() => setPasswordError(null)}
            required
            minLength={8}
            maxLength={64}
          />
        </Field>
        <Checkbox id="reset-revoke" name="revoke" defaultChecked label="Also sign out everywhere" />
        <div className="flex justify-end">
          <Button type="submit" variant="primary" loading={reset.isPending}>
            Reset password
          </Button>
        </div>
      </form>
      <div className="mt-5 border-t border-gray-100 pt-4 dark:border-gray-800">
        <RecoveryForm userId={userId} />
      </div>
    </Card>
  );
}
