import Link from "next/link";
import { Badge, StateBadge } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import type { Identity } from "@/lib/schemas/identity";
import { formatDate } from "@/lib/utils";

export const USER_COLUMNS: Column<Identity>[] = [
  {
    id: "email",
    header: "Email",
    cell: (u) => (
      <Link href={`/users/${u.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        {u.email ?? u.id}
      </Link>
    ),
  },
  { id: "name", header: "Name", cell: (u) => u.name ?? <span className="text-gray-600 dark:text-gray-400">—</span> },
  {
    id: "state",
    header: "State",
    cell: (u) => (
      <span className="flex gap-1">
        <StateBadge state={u.state} />
        {u.is_admin && <Badge tone="indigo">Admin</Badge>}
      </span>
    ),
  },
  {
    id: "created",
    header: "Created",
    cell: (u) => <span className="whitespace-nowrap">{formatDate(u.created_at)}</span>,
  },
  {
    id: "providers",
    header: "Providers",
    cell: (u) =>
      u.providers.length === 0 ? (
        <span className="text-gray-600 dark:text-gray-400">—</span>
      ) : (
        <span className="flex flex-wrap gap-1">
          {[...new Set(u.providers.map((p) => p.provider))].map((p) => (
            <Badge key={p} tone="blue">
              {p}
            </Badge>
          ))}
        </span>
      ),
  },
  {
    id: "last_session",
    header: "Last session",
    cell: (u) =>
      u.last_session_at ? (
        <span className="whitespace-nowrap">{formatDate(u.last_session_at)}</span>
      ) : (
        <span className="text-gray-600 dark:text-gray-400">—</span>
      ),
  },
  { id: "id", header: "ID", cell: (u) => <code className="text-xs">{u.id}</code> },
  {
    id: "updated",
    header: "Updated",
    cell: (u) => <span className="whitespace-nowrap">{formatDate(u.updated_at)}</span>,
  },
];

export const DEFAULT_COLUMNS = ["email", "name", "state", "created", "providers", "last_session"];
