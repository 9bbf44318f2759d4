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
import { useCursor } from "@/lib/client/use-cursor";
import type { Session, SessionPage } from "@/lib/schemas/session";
import { describeUserAgent, formatDateTime } from "@/lib/utils";

/** The session owner as people know them: display name, else email, else the id. */
const owner = (s: Session) => s.identity_label ?? s.identity_email ?? s.identity_id ?? s.id;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function SessionsView({ initialUser, initialData }: { initialUser: string; initialData?: SessionPage }) {
  const [user, setUser] = useState(initialUser);
  const [draft, setDraft] = useState(initialUser);
  const [error, setError] = useState<string | null>(null);
  const cursor = useCursor();
  // A UUID filters by id; anything else is a sign-in identifier (email, username, phone) Truss resolves.
  const who = !user ? {} : UUID.test(user) ? { identity_id: user } : { identity: user };
  const q = { page_size: 50, page_token: cursor.token, ...who };
  const sessions = useSessionsQuery(q, !cursor.token && user === initialUser ? initialData : undefined);
  const revoke = useRevokeSessionMutation();
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const v = draft.trim();
    if (v.length > 254) return setError("That is too long for an email, username or user ID.");
    setError(null);
    setUser(v);
    cursor.reset();
    const param = UUID.test(v) ? "identity_id" : "identity";
    window.history.replaceState(null, "", v ? `/sessions?${param}=${encodeURIComponent(v)}` : "/sessions");
  };
  const items = sessions.data?.items ?? [];
  return (
    <div className="space-y-4">
      <form onSubmit={apply} role="search" className="flex flex-wrap items-start gap-2">
        <div>
          <Input
            aria-label="Filter by user"
            placeholder="Email, username, phone or user ID"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
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
          <Button
            variant="ghost"
            onClick={() => (
              setDraft(""),
              setUser(""),
              cursor.reset(),
              window.history.replaceState(null, "", "/sessions")
            )}
          >
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
