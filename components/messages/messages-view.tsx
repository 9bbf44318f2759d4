"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState, ErrorState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Pager } from "@/components/ui/pager";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useCourierMessagesQuery } from "@/lib/client/queries/courier";
import { useUrlCursor } from "@/lib/client/use-cursor";
import type { CourierMessage, CourierMessagePage, CourierStatus } from "@/lib/schemas/courier";
import { formatDateTime, formText } from "@/lib/utils";
import { MessageDialog } from "./message-dialog";
import { StatusBadge } from "./status-badge";

const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  { value: "queued", label: "Queued" },
  { value: "processing", label: "Processing" },
  { value: "sent", label: "Sent" },
  { value: "abandoned", label: "Abandoned" },
];

export interface MessagesViewProps {
  initialRecipient: string;
  initialData?: CourierMessagePage;
}

/** Kratos's courier outbox: filter by status and recipient, open a message to read its body. */
const FILTERS = ["recipient", "status"] as const;
const STATUSES = new Set(STATUS_OPTIONS.map((o) => o.value));

/** Kratos's courier outbox: filter by status and recipient, open a message to read its body; all state in the URL. */
export function MessagesView({ initialRecipient, initialData }: MessagesViewProps) {
  const [open, setOpen] = useState<string | null>(null);
  const cursor = useUrlCursor(FILTERS);
  const recipient = cursor.filters.recipient;
  const status = (STATUSES.has(cursor.filters.status) ? cursor.filters.status : "") as CourierStatus | "";
  const q = { page_size: 50, page_token: cursor.token, recipient: recipient || undefined, status: status || undefined };
  const fresh = !cursor.token && recipient === initialRecipient && status === "";
  const messages = useCourierMessagesQuery(q, fresh ? initialData : undefined);
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    cursor.setFilters({ recipient: formText(new FormData(e.currentTarget), "recipient").trim() });
  };
  const items = messages.data?.items ?? [];
  return (
    <div className="space-y-4">
      <form onSubmit={apply} role="search" className="flex flex-wrap items-start gap-2">
        <Input
          key={recipient}
          name="recipient"
          aria-label="Filter by recipient"
          placeholder="Recipient (exact address)"
          defaultValue={recipient}
          className="w-80 max-w-full"
        />
        <Select
          aria-label="Filter by status"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(e) => cursor.setFilters({ status: e.target.value })}
          className="w-40"
        />
        <Button type="submit">Filter</Button>
        {(recipient || status) && (
          <Button variant="ghost" onClick={() => cursor.setFilters({ recipient: "", status: "" })}>
            Clear
          </Button>
        )}
      </form>
      {messages.error && <ErrorState message={messages.error.message} />}
      {!messages.data ? (
        messages.error ? null : (
          <Skeleton className="h-40" />
        )
      ) : (
        <>
          <DataTable<CourierMessage>
            caption="Courier messages"
            rows={items}
            rowId={(m) => m.id}
            busy={messages.isFetching}
            empty={
              <EmptyState title="No messages">
                Recovery and verification codes appear here when a self-service flow sends them. Codes an admin issues
                are not sent.
              </EmptyState>
            }
            columns={[
              { id: "status", header: "Status", cell: (m) => <StatusBadge status={m.status} /> },
              { id: "type", header: "Type", cell: (m) => m.template_type },
              { id: "recipient", header: "Recipient", cell: (m) => m.recipient },
              { id: "subject", header: "Subject", cell: (m) => m.subject },
              {
                id: "time",
                header: "Time",
                cell: (m) => <span className="whitespace-nowrap">{formatDateTime(m.created_at)}</span>,
              },
              {
                id: "actions",
                header: "Actions",
                cell: (m) => (
                  <Button
                    size="sm"
                    aria-label={`View message "${m.subject}" to ${m.recipient}`}
                    onClick={() => setOpen(m.id)}
                  >
                    View
                  </Button>
                ),
              },
            ]}
          />
          <Pager
            page={cursor.page}
            hasNext={!!messages.data.next_page_token}
            busy={messages.isFetching}
            onPrev={cursor.prev}
            onNext={() => messages.data.next_page_token && cursor.next(messages.data.next_page_token)}
          />
        </>
      )}
      <MessageDialog id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
