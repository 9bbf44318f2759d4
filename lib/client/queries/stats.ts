import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/fetcher";
import { statsSchema, type Stats } from "@/lib/schemas/stats";

export const statsKeys = { all: ["stats"] as const };

export const statsQuery = () =>
  queryOptions({
    queryKey: statsKeys.all,
    queryFn: ({ signal }) => api.get("/api/stats", { schema: statsSchema, signal }),
  });

/** Polls every 2 s while the identity index's first pass over Kratos runs (the figures grow), then every minute. */
export const useStatsQuery = (initialData?: Stats) =>
  useQuery({
    ...statsQuery(),
    initialData,
    refetchInterval: (q) => (q.state.data && !q.state.data.ready ? 2_000 : 60_000),
  });
