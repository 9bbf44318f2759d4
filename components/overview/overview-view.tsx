"use client";

import Link from "next/link";
import { BarChart } from "@/components/overview/bar-chart";
import { SignInMethods } from "@/components/overview/sign-in-methods";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useProvidersQuery } from "@/lib/client/queries/providers";
import { useStatsQuery } from "@/lib/client/queries/stats";
import { formatRelative, useNow } from "@/lib/client/relative-time";
import type { Stats } from "@/lib/schemas/stats";
import { formatDateTime, formatNumber } from "@/lib/utils";

function Stat({ label, value, hint, href }: { label: string; value: number | null; hint?: string; href?: string }) {
  const body = (
    <>
      <p className="text-sm text-gray-600 dark:text-gray-400">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-gray-900 dark:text-gray-50">
        {value === null ? "…" : formatNumber(value)}
      </p>
      {hint && <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">{hint}</p>}
    </>
  );
  const cls = "block rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900";
  return href ? (
    <Link href={href} className={`${cls} hover:border-indigo-300 dark:hover:border-indigo-700`}>
      {body}
    </Link>
  ) : (
    <div className={cls}>{body}</div>
  );
}

const STATUS_TONE = { ready: "green", incomplete: "amber", misconfigured: "red" } as const;

/** "Index updated 2 minutes ago" (the exact time in the title), or why there is no time yet. */
function IndexUpdated({ s }: { s: Stats }) {
  const now = useNow();
  const at = s.index_updated_at;
  return (
    <span>
      {at ? (
        <>
          Index updated{" "}
          <time dateTime={at} title={formatDateTime(at)}>
            {now ? formatRelative(at, now) : formatDateTime(at)}
          </time>
        </>
      ) : (
        "The index has not finished a pass over Kratos yet"
      )}
      {s.refreshing && " · refreshing now"}
    </span>
  );
}

export function OverviewView({ initialData }: { initialData?: Stats }) {
  const stats = useStatsQuery(initialData);
  const providers = useProvidersQuery();
  const s = stats.data;
  if (stats.error && !s) return <ErrorState message={stats.error.message} />;
  const status = new Map(providers.data?.items.map((p) => [p.id, p.status]) ?? []);
  const admins = s?.users.admins ?? 0;
  return (
    <div className="space-y-6">
      {s && !s.ready && (
        <p role="status" className="text-sm text-gray-700 dark:text-gray-300">
          The identity index is being built from Kratos… {formatNumber(s.users.total)} users so far; the figures grow
          until it is done.
        </p>
      )}
      {s?.error && <ErrorState title="The last index refresh failed" message={s.error} />}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat
          label="Users"
          value={s?.users.total ?? null}
          hint={s && admins > 0 ? `${formatNumber(admins)} dashboard admin${admins === 1 ? "" : "s"}` : undefined}
          href="/users"
        />
        <Stat label="Active" value={s?.users.active ?? null} href="/users?state=active" />
        <Stat label="Inactive" value={s?.users.inactive ?? null} href="/users?state=inactive" />
        <Stat label="Sign-ins, last 30 days" value={s?.sign_ins.last_30_days ?? null} href="/users?sort=last_sign_in" />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          {s ? <BarChart title="Sign-ups per day" data={s.signups_per_day} /> : <Skeleton className="h-52" />}
        </Card>
        <Card>
          {s ? <BarChart title="Sign-ins per day" data={s.sign_ins_per_day} /> : <Skeleton className="h-52" />}
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Sign-ins by method (30 days)">
          {s ? <SignInMethods methods={s.sign_ins_by_method} /> : <Skeleton className="h-24" />}
        </Card>
        <Card title="Ory Kratos">
          {s ? (
            <dl className="grid grid-cols-2 gap-y-2 text-sm">
              <dt className="text-gray-600 dark:text-gray-400">Mode</dt>
              <dd>{s.kratos.mode === "embedded" ? "Embedded (built in)" : "External"}</dd>
              <dt className="text-gray-600 dark:text-gray-400">Public API</dt>
              <dd>
                {s.kratos.public === "up" ? (
                  <Badge tone="green">Reachable</Badge>
                ) : (
                  <Badge tone="red">Unreachable</Badge>
                )}
              </dd>
              <dt className="text-gray-600 dark:text-gray-400">Admin API</dt>
              <dd>
                {s.kratos.admin === "up" ? (
                  <Badge tone="green">Reachable</Badge>
                ) : (
                  <Badge tone="red">Unreachable</Badge>
                )}
              </dd>
              <dt className="text-gray-600 dark:text-gray-400">Version</dt>
              <dd>{s.kratos.version ?? "—"}</dd>
            </dl>
          ) : (
            <Skeleton className="h-24" />
          )}
        </Card>
        <Card
          title="Social sign-in providers"
          actions={
            <Link href="/providers" className="text-sm text-indigo-700 underline dark:text-indigo-300">
              Manage
            </Link>
          }
        >
          {s && s.providers.length === 0 ? (
            <p className="text-sm text-gray-600 dark:text-gray-400">
              None configured (KRATOS_OIDC_PROVIDERS is empty).
            </p>
          ) : (
            <ul className="divide-y divide-gray-100 text-sm dark:divide-gray-800">
              {s?.providers.map((p) => {
                const st = status.get(p.id);
                return (
                  <li key={p.id} className="flex items-center justify-between py-2">
                    <span className="font-medium">{p.id}</span>
                    <span className="flex items-center gap-2">
                      <span className="text-gray-600 dark:text-gray-400">
                        {formatNumber(p.linked_identities)} linked
                      </span>
                      {st && <Badge tone={STATUS_TONE[st]}>{st}</Badge>}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
      <div className="flex items-center justify-end gap-3 text-xs text-gray-600 dark:text-gray-400">
        {s && <IndexUpdated s={s} />}
        <Button size="sm" onClick={() => void stats.refetch()} loading={stats.isFetching}>
          Refresh
        </Button>
      </div>
    </div>
  );
}
