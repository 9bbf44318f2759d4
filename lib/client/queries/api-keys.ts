import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/fetcher";
import { useApiMutation, type MutationCallbacks } from "@/lib/client/queries/mutation";
import {
  apiKeyListSchema,
  apiKeySchema,
  createdApiKeySchema,
  type ApiKey,
  type CreateApiKeyInput,
  type CreatedApiKey,
} from "@/lib/schemas/api-key";

export const apiKeyKeys = { all: ["api-keys"] as const, list: () => ["api-keys", "list"] as const };

export const apiKeysQuery = () =>
  queryOptions({
    queryKey: apiKeyKeys.list(),
    queryFn: ({ signal }) => api.get("/api/keys", { schema: apiKeyListSchema, signal }),
  });

export const useApiKeysQuery = (initialData?: { items: ApiKey[] }) => useQuery({ ...apiKeysQuery(), initialData });

export function useCreateApiKeyMutation(cb?: MutationCallbacks<CreatedApiKey, CreateApiKeyInput>) {
  return useApiMutation(
    {
      mutationFn: (body: CreateApiKeyInput) => api.post("/api/keys", body, { schema: createdApiKeySchema }),
      invalidate: [apiKeyKeys.all],
      success: "API key created. Copy the secret now.",
    },
    cb,
  );
}

/** Optimistic: the row shows as revoked at once. */
export function useRevokeApiKeyMutation(cb?: MutationCallbacks<ApiKey, string>) {
  const qc = useQueryClient();
  return useApiMutation<ApiKey, string, { items: ApiKey[] } | undefined>(
    {
      mutationFn: (id) => api.del(`/api/keys/${id}`, { schema: apiKeySchema }),
      onMutate: async (id) => {
        await qc.cancelQueries({ queryKey: apiKeyKeys.list() });
        const prev = qc.getQueryData<{ items: ApiKey[] }>(apiKeyKeys.list());
        if (prev) {
          const now = new Date().toISOString();
          qc.setQueryData(apiKeyKeys.list(), {
            items: prev.items.map((k) => (k.id === id ? { ...k, revoked_at: now } : k)),
          });
        }
        return prev;
      },
      rollback: (prev) => prev && qc.setQueryData(apiKeyKeys.list(), prev),
      invalidate: [apiKeyKeys.all],
      success: (k) => `Revoked “${k.label}”.`,
    },
    cb,
  );
}
