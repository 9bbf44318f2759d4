"use client";

import { useId } from "react";
import { PAGE_SIZES } from "@/components/users/users-url";
import { Select } from "@/components/ui/select";
import { useNow, formatRelative } from "@/lib/client/relative-time";
import type { IndexedIdentityPage } from "@/lib/schemas/identity";
import { formatDateTime, formatNumber } from "@/lib/utils";

export interface UsersSummaryProps {
  total: number;
  /** Search or a filter narrows the list ("match"). */
  filtered: boolean;
  index: IndexedIdentityPage["index"];
  pageSize: number;
  onPageSize: (size: number) => void;
}

/** The exact number of matches, how fresh the identity index is, and the page size. */
export function UsersSummary({ total, filtered, index, pageSize, onPageSize }: UsersSummaryProps) {
  const now = useNow();
  const sizeId = useId();
  const sizes = PAGE_SIZES.includes(pageSize) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  const users = `${formatNumber(total)} ${total === 1 ? "user" : "users"}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm text-gray-700 dark:text-gray-300">
        <p className="flex flex-wrap gap-x-3">
          <span aria-live="polite" className="font-medium text-gray-900 dark:text-gray-100">
            {filtered ? `${users} ${total === 1 ? "matches" : "match"}` : users}
          </span>
          {index.updated_at && (
            <span className="text-gray-600 dark:text-gray-400">
              Index updated{" "}
              <time dateTime={index.updated_at} title={formatDateTime(index.updated_at)}>
                {now ? formatRelative(index.updated_at, now) : formatDateTime(index.updated_at)}
              </time>
            </span>
          )}
        </p>
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId}>Rows per page</label>
          <Select
            id={sizeId}
            value={String(pageSize)}
            onChange={(e) => onPageSize(Number(e.target.value))}
            options={sizes.map((n) => ({ value: String(n), label: String(n) }))}
            className="w-auto"
          />
        </div>
      </div>
      {!index.ready && (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          The index is still being built from Kratos: some users may be missing.
        </p>
      )}
    </div>
  );
}
