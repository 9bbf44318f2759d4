import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/fetcher";
import { openApiDocSchema } from "@/lib/schemas/openapi-doc";

export const openApiKeys = { doc: ["openapi"] as const };

export const openApiQuery = () =>
  queryOptions({
    queryKey: openApiKeys.doc,
    queryFn: ({ signal }) => api.get("/v1/openapi.json", { schema: openApiDocSchema, signal }),
    staleTime: 5 * 60_000,
  });

export const useOpenApiQuery = () => useQuery(openApiQuery());
