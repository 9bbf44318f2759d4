import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { errorMessage, type ApiClientError } from "@/lib/client/fetcher";
import { toast } from "@/lib/client/toast-store";

/** What a caller may add to one of the resource mutation hooks. */
export interface MutationCallbacks<TData, TVars> {
  onSuccess?: (data: TData, vars: TVars) => void;
  /** Replaces the default error toast. */
  onError?: (err: ApiClientError, vars: TVars) => void;
}

interface Config<TData, TVars, TCtx> {
  mutationFn: (vars: TVars) => Promise<TData>;
  invalidate?: QueryKey[];
  success?: string | ((data: TData, vars: TVars) => string | null);
  onMutate?: (vars: TVars) => Promise<TCtx> | TCtx;
  rollback?: (ctx: TCtx | undefined) => void;
}

/**
 * Shared mutation plumbing: invalidate the resource's keys, toast once on success and (by default)
 * on failure, roll back optimistic updates, then call the caller's callbacks.
 */
export function useApiMutation<TData, TVars, TCtx = unknown>(
  config: Config<TData, TVars, TCtx>,
  callbacks: MutationCallbacks<TData, TVars> = {},
) {
  const qc = useQueryClient();
  return useMutation<TData, ApiClientError, TVars, TCtx>({
    mutationFn: config.mutationFn,
    onMutate: config.onMutate,
    onSuccess: (data, vars) => {
      const msg = typeof config.success === "function" ? config.success(data, vars) : config.success;
      if (msg) toast(msg, "success");
      callbacks.onSuccess?.(data, vars);
    },
    onError: (err, vars, ctx) => {
      config.rollback?.(ctx);
      if (callbacks.onError) callbacks.onError(err, vars);
      else toast(errorMessage(err), "error");
    },
    onSettled: async () => {
      await Promise.all((config.invalidate ?? []).map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}
