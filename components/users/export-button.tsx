"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { downloadText, stamp } from "@/lib/client/download";
import { usersToCsv, usersToJson } from "@/lib/client/export-users";
import { errorMessage } from "@/lib/client/fetcher";
import { schemasQuery } from "@/lib/client/queries/schemas";
import { fetchAllUsers, type UsersListQuery } from "@/lib/client/queries/users";
import { toast } from "@/lib/client/toast-store";
import { formatNumber } from "@/lib/utils";

type Filters = Omit<UsersListQuery, "page_size" | "page_token">;

/**
 * Exports every user matching the current search and filters, in the table's order (paging through the API, 500 at a
 * time), as CSV or JSON that the import dialog takes back unchanged (lib/client/export-users.ts).
 */
export function ExportButton({ query }: { query: Filters }) {
  const [busy, setBusy] = useState<{ done: number; total: number } | null>(null);
  const [format, setFormat] = useState<"csv" | "json">("csv");
  const queryClient = useQueryClient();
  const run = async () => {
    setBusy({ done: 0, total: 0 });
    try {
      // The CSV's trait columns follow the schemas' field order, so wait for them rather than race their query.
      const [users, schemas] = await Promise.all([
        fetchAllUsers(query, (done, total) => setBusy({ done, total })),
        queryClient.ensureQueryData(schemasQuery()).then((r) => r.items),
      ]);
      const name = `users-${stamp()}.${format}`;
      if (format === "json") downloadText(name, usersToJson(users), "application/json");
      else downloadText(name, usersToCsv(users, schemas), "text/csv");
      toast(`Exported ${formatNumber(users.length)} user${users.length === 1 ? "" : "s"}.`);
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="flex">
      <select
        aria-label="Export format"
        value={format}
        onChange={(e) => setFormat(e.target.value as "csv" | "json")}
        className="h-9 rounded-l-md border border-r-0 border-gray-300 bg-white px-2 text-sm dark:border-gray-600 dark:bg-gray-900"
      >
        <option value="csv">CSV</option>
        <option value="json">JSON</option>
      </select>
      <Button className="rounded-l-none" onClick={() => void run()} loading={busy !== null}>
        {busy && busy.done > 0 ? `Exporting ${formatNumber(busy.done)} of ${formatNumber(busy.total)}…` : "Export"}
      </Button>
    </div>
  );
}
