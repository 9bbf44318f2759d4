"use client";

import { Fragment } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { useCheckProviderMutation } from "@/lib/client/queries/providers";
import { formatRelative, useNow } from "@/lib/client/relative-time";
import type { LastCheck, Provider } from "@/lib/schemas/provider";
import { cn, formatDateTime, formatNumber } from "@/lib/utils";

const TONE = { ready: "green", incomplete: "amber", misconfigured: "red" } as const;
const LABEL = { ready: "Ready", incomplete: "Incomplete", misconfigured: "Misconfigured" } as const;
// A pill stays one line of one height, however narrow the card gets.
const PILL = "h-6 shrink-0 whitespace-nowrap";

/** The verdict shown: this visit's own check, else the newest one in the audit log (so it survives a reload). */
type Verdict = Pick<LastCheck, "ok" | "checks"> & { at: string | null; by: string | null };

/** The configuration's status until a check has run; then the check's verdict (a failing check is never "Ready"). */
function status(p: Provider, result: Verdict | null): { tone: BadgeTone; label: string } {
  if (result && !result.ok) return { tone: "red", label: "Check failed" };
  return { tone: TONE[p.status], label: LABEL[p.status] };
}

/** A URL that wraps only after its slashes (a segment longer than the line still wraps anywhere). */
export function BreakableUrl({ url, className }: { url: string; className?: string }) {
  const parts = url.split(/(?<=\/)/);
  return (
    <code className={cn("font-mono text-xs [overflow-wrap:anywhere]", className)}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </code>
  );
}

export function ProviderCard({ provider: p }: { provider: Provider }) {
  const check = useCheckProviderMutation();
  const now = useNow();
  const result: Verdict | null = check.data ? { ...check.data, at: null, by: null } : p.last_check;
  const shown = status(p, result);
  const name = p.label || p.id;
  return (
    <Card
      title={name}
      actions={
        <>
          <Badge tone={shown.tone} className={PILL}>
            {shown.label}
          </Badge>
          <Button
            size="sm"
            onClick={() => check.mutate(p.id)}
            loading={check.isPending}
            aria-label={`Check ${p.label || p.id}`}
          >
            Check
          </Button>
        </>
      }
    >
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-y-2">
        <dt className="text-gray-600 dark:text-gray-400">ID / type</dt>
        <dd>
          <code>{p.id}</code> · {p.type}
        </dd>
        <dt className="text-gray-600 dark:text-gray-400">Linked users</dt>
        <dd>{p.linked_identities === null ? "—" : formatNumber(p.linked_identities)}</dd>
        <dt className="text-gray-600 dark:text-gray-400">Scopes</dt>
        <dd>{p.scopes.join(" ") || "—"}</dd>
        {p.issuer_url && (
          <>
            <dt className="text-gray-600 dark:text-gray-400">Issuer</dt>
            <dd className="min-w-0">
              <BreakableUrl url={p.issuer_url} />
            </dd>
          </>
        )}
        <dt className="text-gray-600 dark:text-gray-400">Callback URL</dt>
        <dd className="flex min-w-0 flex-wrap items-start gap-2">
          <BreakableUrl
            url={p.callback_url}
            className="block min-w-[12rem] flex-1 rounded bg-gray-50 px-2 py-1 leading-5 dark:bg-gray-950"
          />
          <CopyButton
            value={p.callback_url}
            label="Copy callback URL"
            toastMessage={`Copied ${name}'s callback URL.`}
          />
        </dd>
      </dl>
      {p.missing.length > 0 && (
        <div className="mt-3 text-sm">
          <p className="font-medium text-amber-900 dark:text-amber-200">Missing environment variables:</p>
          <ul className="mt-1 flex flex-wrap gap-1">
            {p.missing.map((m) => (
              <li key={m}>
                <code className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-950 dark:bg-amber-950 dark:text-amber-100">
                  {m}
                </code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {p.errors.length > 0 && (
        <ul className="mt-3 list-disc pl-5 text-sm text-red-800 dark:text-red-300">
          {p.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {result && (
        <div role="status" className="mt-3 rounded-md border border-gray-200 p-3 text-sm dark:border-gray-700">
          <p className="font-medium">{result.ok ? "All checks passed" : "Some checks failed"}</p>
          <p className="text-xs text-gray-600 dark:text-gray-400">
            {result.at
              ? `Checked ${now === null ? formatDateTime(result.at) : formatRelative(result.at, now)}${result.by ? ` by ${result.by}` : ""}`
              : "Checked just now"}
          </p>
          <ul className="mt-1 space-y-1">
            {result.checks.map((c) => (
              <li key={c.name} className="flex gap-2">
                <Badge tone={c.ok ? "green" : "red"} className={PILL}>
                  {c.ok ? "OK" : "Fail"}
                </Badge>
                <span>
                  {c.name}
                  {c.detail ? `: ${c.detail}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
