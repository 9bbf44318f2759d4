"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useCreateRecoveryMutation } from "@/lib/client/queries/users";
import { formatDateTime } from "@/lib/utils";

export function RecoveryForm({ userId }: { userId: string }) {
  const [method, setMethod] = useState<"code" | "link">("code");
  const [expires, setExpires] = useState("1h");
  const recovery = useCreateRecoveryMutation(userId);
  const r = recovery.data;
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold">Recovery code or link</h3>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        Kratos sends no email from here: hand the result to the user yourself.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Method" htmlFor="recovery-method">
          <Select
            id="recovery-method"
            value={method}
            onChange={(e) => setMethod(e.target.value as "code" | "link")}
            options={[
              { value: "code", label: "Code" },
              { value: "link", label: "Link" },
            ]}
          />
        </Field>
        <Field label="Expires in" htmlFor="recovery-expiry">
          <Select
            id="recovery-expiry"
            value={expires}
            onChange={(e) => setExpires(e.target.value)}
            options={[
              { value: "15m", label: "15 minutes" },
              { value: "1h", label: "1 hour" },
              { value: "24h", label: "24 hours" },
            ]}
          />
        </Field>
        <Button onClick={() => recovery.mutate({ method, expires_in: expires })} loading={recovery.isPending}>
          Create recovery {method}
        </Button>
      </div>
      {r && (
        <div role="status" className="space-y-2 rounded-md border border-gray-200 p-3 text-sm dark:border-gray-700">
          {r.recovery_code && (
            <div className="flex flex-wrap items-center gap-2">
              <span>Code:</span>
              <code className="rounded bg-gray-100 px-2 py-1 text-base tracking-widest dark:bg-gray-800">
                {r.recovery_code}
              </code>
              <CopyButton value={r.recovery_code} label="Copy code" />
            </div>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <span>Link:</span>
            <code className="max-w-full truncate text-xs">{r.recovery_link}</code>
            <CopyButton value={r.recovery_link} label="Copy link" />
          </div>
          <p className="text-gray-600 dark:text-gray-400">Expires {formatDateTime(r.expires_at)}</p>
        </div>
      )}
    </div>
  );
}
