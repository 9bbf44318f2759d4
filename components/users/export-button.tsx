"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { toCsv } from "@/lib/client/csv";
import { downloadText, stamp } from "@/lib/client/download";
import { errorMessage } from "@/lib/client/fetcher";
import { fetchAllUsers, type UsersListQuery } from "@/lib/client/queries/users";
import { toast } from "@/lib/client/toast-store";

type Filters = Omit<UsersListQuery, "page_size" | "page_token">;

/** Exports every user matching the current filters (paging through the API, 500 at a time). */
export function ExportButton({ query }: { query: Filters }) {
  const [busy, setBusy] = useState<number | null>(null);
  const [format, setFormat] = useState<"csv" | "json">("csv");
  const run = async () => {
    setBusy(0);
    try {
      const users = await fetchAllUsers(query, setBusy);
      const name = `users-${stamp()}.${format}`;
      if (format === "json") downloadText(name, JSON.stringify(users, null, 2), "application/json");
      else
        downloadText(
          name,
          toCsv(
            [
              "id",
              "email",
              "name",
              "state",
              "is_admin",
              "created_at",
              "updated_at",
              "credential_types",
              "providers",
              "metadata_public",
            ],
            users.map((u) => [
              u.id,
              u.email,
              u.name,
              u.state,
              u.is_admin,
              u.created_at,
              u.updated_at,
              u.credential_types.join(" "),
              u.providers.map((p) => p.provider).join(" "),
              u.metadata_public,
            ]),
          ),
          "text/csv",
        );
      toast(`Exported ${users.length} user${users.length === 1 ? "" : "s"}.`);
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
        {busy !== null && busy > 0 ? `Exporting ${busy}…` : "Export"}
      </Button>
    </div>
  );
}
