import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/fetcher";
import type { z } from "zod";
import { auditPageSchema, type AuditEntry, type AuditPage, type listAuditQuerySchema } from "@/lib/schemas/audit";

export type AuditListQuery = z.input<typeof listAuditQuerySchema>;

export const auditKeys = { all: ["audit"] as const, list: (q: AuditListQuery) => ["audit", "list", q] as const };

export const auditQuery = (q: AuditListQuery) =>
  queryOptions({
    queryKey: auditKeys.list(q),
    queryFn: ({ signal }) => api.get("/api/audit", { schema: auditPageSchema, query: { ...q }, signal }),
  });

export const useAuditQuery = (q: AuditListQuery, initialData?: AuditPage) =>
  useQuery({ ...auditQuery(q), initialData, placeholderData: (prev) => prev, staleTime: 5_000 });

/** Every entry matching the filters (for CSV export), at most `limit`. */
export async function fetchAllAudit(
  q: Omit<AuditListQuery, "page_size" | "page_token">,
  limit = 10_000,
): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  let token: string | undefined;
  do {
    const page = await api.get("/api/audit", {
      schema: auditPageSchema,
      query: { ...q, page_size: 500, page_token: token },
    });
    all.push(...page.items);
    token = page.next_page_token ?? undefined;
  } while (token && all.length < limit);
  return all;
}
