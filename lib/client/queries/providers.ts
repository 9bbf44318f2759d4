import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/fetcher";
import { useApiMutation, type MutationCallbacks } from "@/lib/client/queries/mutation";
import {
  kratosConfigSchema,
  providerCheckSchema,
  providerListSchema,
  type Provider,
  type ProviderCheck,
} from "@/lib/schemas/provider";

export const providerKeys = {
  all: ["providers"] as const,
  list: () => ["providers", "list"] as const,
  kratosConfig: () => ["providers", "kratos-config"] as const,
};

export const providersQuery = () =>
  queryOptions({
    queryKey: providerKeys.list(),
    queryFn: ({ signal }) => api.get("/api/auth/providers", { schema: providerListSchema, signal }),
  });

export const kratosConfigQuery = () =>
  queryOptions({
    queryKey: providerKeys.kratosConfig(),
    queryFn: ({ signal }) => api.get("/api/auth/providers/kratos-config", { schema: kratosConfigSchema, signal }),
  });

export const useProvidersQuery = (initialData?: { items: Provider[]; errors: string[] }) =>
  useQuery({ ...providersQuery(), initialData });
export const useKratosConfigQuery = (enabled: boolean) => useQuery({ ...kratosConfigQuery(), enabled });

export function useCheckProviderMutation(cb?: MutationCallbacks<ProviderCheck, string>) {
  return useApiMutation(
    {
      mutationFn: (id: string) =>
        api.post(`/api/auth/providers/${encodeURIComponent(id)}/check`, {}, { schema: providerCheckSchema }),
      invalidate: [providerKeys.list()],
      success: (r, id) => (r.ok ? `${id}: every check passed.` : null),
    },
    cb,
  );
}
