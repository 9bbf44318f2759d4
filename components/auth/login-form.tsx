"use client";

import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import type { ApiClientError } from "@/lib/client/fetcher";
import { useLoginFlowQuery, useLoginMutation } from "@/lib/client/queries/auth";
import { formText, safeNextPath } from "@/lib/utils";

function describe(err: ApiClientError): string {
  if (err.id === "rate_limited") return "Too many sign-in attempts.";
  if (err.code === 0) return err.message; // the browser never reached Truss
  if (err.id === "upstream_unavailable" || err.id === "upstream_timeout" || err.id === "upstream_error")
    return "Ory Kratos is unreachable right now, so nobody can sign in. Check that it is running, then try again.";
  return err.message || "Invalid email or password.";
}

export function LoginForm({ next }: { next?: string }) {
  const flow = useLoginFlowQuery();
  const [error, setError] = useState<string | null>(null);
  const [wait, setWait] = useState(0);
  const login = useLoginMutation({
    onSuccess: () => window.location.assign(safeNextPath(next)),
    onError: (err) => {
      setError(describe(err));
      if (err.id === "rate_limited") setWait(err.retryAfter ?? 60);
    },
  });
  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    login.mutate({
      identifier: formText(data, "email"),
      password: formText(data, "password"),
      flow: flow.data?.flow_id,
    });
  };
  const kratosDown = flow.error && flow.error.code >= 500;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {kratosDown && !error && (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          Ory Kratos is not answering ({flow.error.message}). Signing in will fail until it is back.
        </p>
      )}
      {error && (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p>{error}</p>
          {wait > 0 && (
            <p className="mt-1">
              Try again in {wait} second{wait === 1 ? "" : "s"}.
            </p>
          )}
        </div>
      )}
      <Field label="Email or username" htmlFor="email">
        <Input id="email" name="email" type="text" autoComplete="username" required autoFocus />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" variant="primary" className="w-full" loading={login.isPending} disabled={wait > 0}>
        Sign in
      </Button>
    </form>
  );
}
