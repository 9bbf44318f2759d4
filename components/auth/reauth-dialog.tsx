"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { api, ApiClientError } from "@/lib/client/fetcher";
import { setReauthHandler } from "@/lib/client/reauth";
import { formText } from "@/lib/utils";

/** Mounted once in the dashboard: asks for the admin's password when a sensitive action needs a recent sign-in. */
export function ReauthDialog() {
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const settle = useRef<((ok: boolean) => void) | null>(null);

  useEffect(() => {
    setReauthHandler(
      (msg) =>
        new Promise<boolean>((resolve) => {
          settle.current = resolve;
          setError(null);
          setMessage(msg);
        }),
    );
    return () => setReauthHandler(null);
  }, []);

  const finish = (ok: boolean) => {
    settle.current?.(ok);
    settle.current = null;
    setMessage(null);
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post("/api/auth/reauth", { password: formText(new FormData(e.currentTarget), "reauth-password") });
      finish(true);
    } catch (err) {
      setError(err instanceof ApiClientError ? err.message : "Could not confirm your password.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={message !== null}
      onClose={() => finish(false)}
      title="Confirm it's you"
      description={message ?? undefined}
    >
      <form onSubmit={(e) => void submit(e)} className="space-y-4">
        <Field label="Your password" htmlFor="reauth-password" error={error}>
          <Input
            id="reauth-password"
            name="reauth-password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
          />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={() => finish(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={busy}>
            Confirm
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
