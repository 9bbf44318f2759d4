import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "@/lib/client/fetcher";
import { useApiMutation, type MutationCallbacks } from "@/lib/client/queries/mutation";
import {
  bulkResultSchema,
  resetPasswordResultSchema,
  type createIdentityBodySchema,
  type listIdentitiesQuerySchema,
  identitySchema,
  indexedIdentityPageSchema,
  recoverySchema,
  type BulkBody,
  type Identity,
  type IdentityState,
  type IndexedIdentityPage,
  type Recovery,
  type UpdateIdentityBody,
} from "@/lib/schemas/identity";
import { importResponseSchema } from "@/lib/schemas/import";

export type UsersListQuery = z.input<typeof listIdentitiesQuerySchema>;

export const userKeys = {
  all: ["users"] as const,
  lists: () => ["users", "list"] as const,
  list: (q: UsersListQuery) => ["users", "list", q] as const,
  detail: (id: string) => ["users", "detail", id] as const,
};

export const usersQuery = (q: UsersListQuery) =>
  queryOptions({
    queryKey: userKeys.list(q),
    queryFn: ({ signal }) =>
      api.get("/api/auth/identities", { schema: indexedIdentityPageSchema, query: { ...q }, signal }),
  });

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => api.get(`/api/auth/identities/${id}`, { schema: identitySchema, signal }),
  });

export const useUsersQuery = (q: UsersListQuery, initialData?: IndexedIdentityPage) =>
  useQuery({ ...usersQuery(q), initialData, placeholderData: (prev) => prev });
export const useUserQuery = (id: string, initialData?: Identity) => useQuery({ ...userQuery(id), initialData });

export type CreateUserInput = z.input<typeof createIdentityBodySchema>;

export function useCreateUserMutation(cb?: MutationCallbacks<Identity, CreateUserInput>) {
  return useApiMutation(
    {
      mutationFn: (body: CreateUserInput) => api.post("/api/auth/identities", body, { schema: identitySchema }),
      invalidate: [userKeys.lists()],
      success: (u) => `Created ${u.display_name}.`,
    },
    cb,
  );
}

export function useUpdateUserMutation(id: string, cb?: MutationCallbacks<Identity, UpdateIdentityBody>) {
  const qc = useQueryClient();
  return useApiMutation(
    {
      mutationFn: (body: UpdateIdentityBody) =>
        api.patch(`/api/auth/identities/${id}`, body, { schema: identitySchema }),
      invalidate: [userKeys.all],
      success: (u) => (qc.setQueryData(userKeys.detail(id), u), "Saved."),
    },
    cb,
  );
}

/** Optimistic: the badge flips at once and rolls back if the server refuses. */
export function useSetUserStateMutation(id: string, cb?: MutationCallbacks<Identity, IdentityState>) {
  const qc = useQueryClient();
  return useApiMutation<Identity, IdentityState, Identity | undefined>(
    {
      mutationFn: (state) => api.patch(`/api/auth/identities/${id}/state`, { state }, { schema: identitySchema }),
      onMutate: async (state) => {
        await qc.cancelQueries({ queryKey: userKeys.detail(id) });
        const prev = qc.getQueryData<Identity>(userKeys.detail(id));
        if (prev) qc.setQueryData(userKeys.detail(id), { ...prev, state });
        return prev;
      },
      rollback: (prev) => prev && qc.setQueryData(userKeys.detail(id), prev),
      invalidate: [userKeys.all, ["sessions"]],
      success: (_u, s) => (s === "inactive" ? "User deactivated; their sessions were revoked." : "User activated."),
    },
    cb,
  );
}

export function useSetAdminMutation(id: string, cb?: MutationCallbacks<Identity, boolean>) {
  return useApiMutation(
    {
      mutationFn: (admin: boolean) =>
        admin
          ? api.post(`/api/auth/identities/${id}/admin`, {}, { schema: identitySchema })
          : api.del(`/api/auth/identities/${id}/admin`, { schema: identitySchema }),
      invalidate: [userKeys.all],
      success: (_u, admin) => (admin ? "Granted dashboard admin." : "Removed dashboard admin."),
    },
    cb,
  );
}

export function useResetPasswordMutation(
  id: string,
  cb?: MutationCallbacks<unknown, { password: string; revoke_sessions: boolean }>,
) {
  return useApiMutation(
    {
      mutationFn: (body: { password: string; revoke_sessions: boolean }) =>
        api.post(`/api/auth/identities/${id}/reset-password`, body, { schema: resetPasswordResultSchema }),
      invalidate: [userKeys.detail(id), ["sessions"]],
      success: (_r, v) => (v.revoke_sessions ? "Password reset; signed out everywhere." : "Password reset."),
    },
    cb,
  );
}

export function useCreateRecoveryMutation(
  id: string,
  cb?: MutationCallbacks<Recovery, { method: "code" | "link"; expires_in: string }>,
) {
  return useApiMutation(
    {
      mutationFn: (body: { method: "code" | "link"; expires_in: string }) =>
        api.post(`/api/auth/identities/${id}/recovery`, body, { schema: recoverySchema }),
      success: "Recovery created.",
    },
    cb,
  );
}

export function useDeleteUserMutation(cb?: MutationCallbacks<void, string>) {
  return useApiMutation(
    {
      mutationFn: (id: string) => api.del(`/api/auth/identities/${id}`),
      invalidate: [userKeys.lists()],
      success: "User deleted.",
    },
    cb,
  );
}

export function useUnlinkProviderMutation(id: string, cb?: MutationCallbacks<void, string>) {
  return useApiMutation(
    {
      mutationFn: (provider: string) => api.del(`/api/auth/identities/${id}/providers/${encodeURIComponent(provider)}`),
      invalidate: [userKeys.all],
      success: (_r, p) => `Unlinked ${p}.`,
    },
    cb,
  );
}

export function useVerifyAddressMutation(id: string, cb?: MutationCallbacks<Identity, string>) {
  const qc = useQueryClient();
  return useApiMutation(
    {
      mutationFn: (address: string) =>
        api.post(`/api/auth/identities/${id}/verify-address`, { address }, { schema: identitySchema }),
      invalidate: [userKeys.all],
      success: (u, a) => (qc.setQueryData(userKeys.detail(id), u), `${a} marked as verified.`),
    },
    cb,
  );
}

/** One chunk of a bulk action (the bulk dialog drives its progress bar chunk by chunk). */
export const runBulk = (body: BulkBody) => api.post("/api/auth/identities/bulk", body, { schema: bulkResultSchema });

/** One chunk of an import (≤ 500 rows); `dryRun` validates without creating. */
export const importUsers = (users: Record<string, unknown>[], dryRun: boolean) =>
  api.post(
    "/api/auth/users/import",
    { users },
    { schema: importResponseSchema, query: { dry_run: dryRun ? "true" : undefined } },
  );

/**
 * Pages through the whole list as the table shows it (search, filters and sort), for export; reports progress after
 * each page with the exact number of matches.
 */
export async function fetchAllUsers(
  q: Omit<UsersListQuery, "page_token" | "page_size">,
  onPage?: (count: number, total: number) => void,
): Promise<Identity[]> {
  const all: Identity[] = [];
  let token: string | undefined;
  do {
    const page = await api.get("/api/auth/identities", {
      schema: indexedIdentityPageSchema,
      query: { ...q, page_size: 500, page_token: token },
    });
    all.push(...page.items);
    onPage?.(all.length, page.total);
    token = page.next_page_token ?? undefined;
  } while (token);
  return all;
}
