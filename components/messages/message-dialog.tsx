"use client";

import { Badge } from "@/components/ui/badge";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useCourierMessageQuery } from "@/lib/client/queries/courier";
import { formatDateTime } from "@/lib/utils";
import { StatusBadge } from "./status-badge";

/** One courier message with its body (the code or link the user was sent) and its delivery attempts. */
export function MessageDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const message = useCourierMessageQuery(id);
  const m = message.data;
  return (
    <Dialog
      open={!!id}
      onClose={onClose}
      title={m?.subject ?? "Message"}
      size="lg"
      description={m ? `To ${m.recipient}` : undefined}
    >
      {message.error && <ErrorState message={message.error.message} />}
      {!m ? (
        message.error ? null : (
          <Skeleton className="h-40" />
        )
      ) : (
        <div className="space-y-4 text-sm">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-gray-600 dark:text-gray-400">Status</dt>
            <dd>
              <StatusBadge status={m.status} />
            </dd>
            <dt className="text-gray-600 dark:text-gray-400">Template</dt>
            <dd>
              <Badge>{m.template_type}</Badge> {m.type}
            </dd>
            <dt className="text-gray-600 dark:text-gray-400">Created</dt>
            <dd>{formatDateTime(m.created_at)}</dd>
            <dt className="text-gray-600 dark:text-gray-400">Send attempts</dt>
            <dd>{m.send_count}</dd>
          </dl>
          <section aria-label="Message body">
            <h3 className="mb-1 font-medium">Body</h3>
            <pre className="max-h-80 overflow-auto rounded-md bg-gray-50 p-3 font-mono text-xs break-words whitespace-pre-wrap dark:bg-gray-800">
              {m.body}
            </pre>
          </section>
          {m.dispatches.length > 0 && (
            <section aria-label="Delivery attempts">
              <h3 className="mb-1 font-medium">Delivery attempts</h3>
              <ul className="space-y-1">
                {m.dispatches.map((d, i) => (
                  <li key={i}>
                    {formatDateTime(d.created_at)}: {d.status}
                    {d.error ? ` (${d.error})` : ""}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </Dialog>
  );
}
