"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Pager } from "@/components/ui/pager";
import { Skeleton } from "@/components/ui/skeleton";
import { useRevokeSessionMutation, useSessionsQuery } from "@/lib/client/queries/sessions";
import { useUrlCursor } from "@/lib/client/use-cursor";
import type { Session, SessionPage } from "@/lib/schemas/session";
import { describeUserAgent, formatDateTime, formText } from "@/lib/utils";

/** The session owner as people know them: display name, else email, else the id. */
const owner = (s: Session) => s.identity_label ?? s.identity_email ?? s.identity_id ?? s.id;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FILTERS = ["identity_id", "identity"] as const;

/** Sessions filtered by a user (a UUID is an id; anything else an email, username or phone); all state in the URL. */
export function SessionsView({ initialUser, initialData }: { initialUser: string; initialData?: SessionPage }) {
  const cursor = useUrlCursor(FILTERS);
  const user = cursor.filters.identity_id || cursor.filters.identity;
  const [error, setError] = useState<string | null>(null);
  const who = !user ? {} : UUID.test(user) ? { identity_id: user } : { identity: user };
  const q = { page_size: 50, page_token: cursor.token, ...who };
  const sessions = useSessionsQuery(q, !cursor.token && user === initialUser ? initialData : undefined);
  const revoke = useRevokeSessionMutation();
  const show = (v: string) =>
    cursor.setFilters(UUID.test(v) ? { identity_id: v, identity: "" } : { identity: v, identity_id: "" });
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = formText(new FormData(e.currentTarget), "user").trim();
    if (v.length > 254) return setError("That is too long for an email, username or user ID.");
    setError(null);
    show(v);
  };
  const items = sessions.data?.items ?? [];
  return (
    <div className="space-y-4">
      <form onSubmit={apply} role="search" className="flex flex-wrap items-start gap-2">
        <div>
          <Input
            key={user}
            name="user"
            aria-label="Filter by user"
            placeholder="Email, username, phone or user ID"
            defaultValue={user}
            className="w-80 max-w-full"
            aria-invalid={!!error}
          />
          {error && (
            <p role="alert" className="mt-1 text-xs text-red-800 dark:text-red-300">
              {error}
            </p>
          )}
        </div>
        <Button type="submit">Filter</Button>
        {user && (
          <Button variant="ghost" onClick={() => show("")}>
            Clear
          </Button>
        )}
      </form>
      {sessions.error && <ErrorState message={sessions.error.message} />}
      {!sessions.data ? (
        sessions.error ? null : (
          <Skeleton className="h-40" />
        )
      ) : (
        <>
          <DataTable<Session>
            caption="Active sessions"
            rows={items}
            rowId={(s) => s.id}
            busy={sessions.isFetching}
            empty={
              <EmptyState title="No active sessions">
                {user ? "This user is signed out everywhere." : "Nobody is signed in right now."}
              </EmptyState>
            }
            columns={[
              {
                id: "user",
                header: "User",
                cell: (s) =>
                  s.identity_id ? (
                    <Link
                      href={`/users/${s.identity_id}`}
                      className="text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      {owner(s)}
                    </Link>
                  ) : (
                    "—"
                  ),
              },
              {
                id: "device",
                header: "Device",
                cell: (s) => (
                  <span className="flex flex-wrap items-center gap-1.5">
                    <span title={s.devices[0]?.user_agent ?? undefined}>
                      {describeUserAgent(s.devices[0]?.user_agent)}
                    </span>
                    {s.via_dashboard && <Badge tone="indigo">Truss dashboard</Badge>}
                  </span>
                ),
              },
              { id: "ip", header: "IP", cell: (s) => s.devices[0]?.ip_address ?? "—" },
              { id: "methods", header: "Method", cell: (s) => s.methods.join(", ") || "—" },
              {
                id: "started",
                header: "Started",
                cell: (s) => <span className="whitespace-nowrap">{formatDateTime(s.authenticated_at)}</span>,
              },
              {
                id: "expires",
                header: "Expires",
                cell: (s) => <span className="whitespace-nowrap">{formatDateTime(s.expires_at)}</span>,
              },
              {
                id: "actions",
                header: "Actions",
                cell: (s) => (
                  <Button
                    size="sm"
                    aria-label={`Revoke session of ${owner(s)}`}
                    onClick={() => revoke.mutate(s.id)}
                    loading={revoke.isPending && revoke.variables === s.id}
                  >
                    Revoke
                  </Button>
                ),
              },
            ]}
          />
          <Pager
            page={cursor.page}
            hasNext={!!sessions.data.next_page_token}
            busy={sessions.isFetching}
            onPrev={cursor.prev}
            onNext={() => sessions.data.next_page_token && cursor.next(sessions.data.next_page_token)}
          />
        </>
      )}
    </div>
  );
}
