"use client";

import { Truncate } from "@/components/ui/truncate";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toCsv } from "@/lib/client/csv";
import { downloadText, stamp } from "@/lib/client/download";
import type { ImportResult } from "@/lib/schemas/import";

export function summarize(results: ImportResult[]) {
  return {
    created: results.filter((r) => r.status === "created").length,
    valid: results.filter((r) => r.status === "valid").length,
    failed: results.filter((r) => r.status === "error").length,
  };
}

/** Per-row outcome table (row numbers match the file: 1 = first user after the header), naming each row's user. */
export function ImportResults({ results, dryRun }: { results: ImportResult[]; dryRun: boolean }) {
  const s = summarize(results);
  const download = () =>
    downloadText(
      `import-${dryRun ? "preview" : "results"}-${stamp()}.csv`,
      toCsv(
        ["row", "identifier", "email", "status", "id", "error"],
        results.map((r) => [
          r.index + 1,
          r.identifier ?? r.email,
          r.email,
          r.status,
          r.id ?? "",
          r.error?.message ?? "",
        ]),
      ),
      "text/csv",
    );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="text-sm font-medium">
          {dryRun ? `${s.valid} valid` : `${s.created} created`}, {s.failed} {s.failed === 1 ? "error" : "errors"}
        </p>
        <Button size="sm" onClick={download}>
          Download results (CSV)
        </Button>
      </div>
      <div className="max-h-72 overflow-auto rounded border border-gray-200 dark:border-gray-700">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{dryRun ? "Validation results per row" : "Import results per row"}</caption>
          <thead className="sticky top-0 bg-gray-50 dark:bg-gray-950">
            <tr>
              <th scope="col" className="px-3 py-1.5 text-left font-medium">
                Row
              </th>
              <th scope="col" className="px-3 py-1.5 text-left font-medium">
                Identifier
              </th>
              <th scope="col" className="px-3 py-1.5 text-left font-medium">
                Result
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {results.map((r) => (
              <tr key={r.index}>
                <td className="px-3 py-1.5">{r.index + 1}</td>
                <td className="px-3 py-1.5">
                  <Truncate text={r.identifier ?? r.email ?? "—"} className="max-w-56 sm:max-w-md" />
                </td>
                <td className="px-3 py-1.5">
                  {r.status === "error" ? (
                    <span className="text-red-800 dark:text-red-300">Error: {r.error?.message}</span>
                  ) : (
                    <Badge tone="green">{r.status === "created" ? "Created" : "Valid"}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
