"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { api, errorMessage } from "@/lib/client/fetcher";
import { oidcLoginStartSchema } from "@/lib/schemas/auth";

/** "Sign in with …" for each configured provider: Truss starts the flow in Kratos, the browser goes to the provider. */
export function SocialButtons({ providers }: { providers: { id: string; label: string }[] }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      const { redirect_to } = await api.post(
        "/api/auth/login/oidc",
        { provider: id },
        { schema: oidcLoginStartSchema },
      );
      window.location.assign(redirect_to);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  };
  return (
    <div className="space-y-2">
      {providers.map((p) => (
        <Button key={p.id} className="w-full" loading={busy === p.id} onClick={() => void start(p.id)}>
          Sign in with {p.label}
        </Button>
      ))}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
