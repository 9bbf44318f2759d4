import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/fetcher";
import { useApiMutation, type MutationCallbacks } from "@/lib/client/queries/mutation";
import type { z } from "zod";
import { sessionPageSchema, type listSessionsQuerySchema, type SessionPage } from "@/lib/schemas/session";

export type SessionsListQuery = z.input<typeof listSessionsQuerySchema>;

export const sessionKeys = {
  all: ["sessions"] as const,
  list: (q: SessionsListQuery) => ["sessions", "list", q] as const,
  ofUser: (id: string) => ["sessions", "user", id] as const,
};

export const sessionsQuery = (q: SessionsListQuery) =>
  queryOptions({
    queryKey: sessionKeys.list(q),
    queryFn: ({ signal }) => api.get("/api/auth/sessions", { schema: sessionPageSchema, query: { ...q }, signal }),
  });

export const userSessionsQuery = (id: string) =>
  queryOptions({
    queryKey: sessionKeys.ofUser(id),
    queryFn: ({ signal }) => api.get(`/api/auth/identities/${id}/sessions`, { schema: sessionPageSchema, signal }),
  });

export const useSessionsQuery = (q: SessionsListQuery, initialData?: SessionPage) =>
  useQuery({ ...sessionsQuery(q), initialData, placeholderData: (prev) => prev });
export const useUserSessionsQuery = (id: string, initialData?: SessionPage) =>
  useQuery({ ...userSessionsQuery(id), initialData });

export function useRevokeSessionMutation(cb?: MutationCallbacks<void, string>) {
  return useApiMutation(
    {
      mutationFn: (id: string) => api.del(`/api/auth/sessions/${id}`),
      invalidate: [sessionKeys.all],
      success: "Session revoked.",
    },
    cb,
  );
}

/** Force logout: every session of one user. */
export function useRevokeUserSessionsMutation(identityId: string, cb?: MutationCallbacks<void, void>) {
  return useApiMutation(
    {
      mutationFn: () => api.del(`/api/auth/identities/${identityId}/sessions`),
      invalidate: [sessionKeys.all],
      success: "Signed out of every session.",
    },
    cb,
  );
}

export function useExtendSessionMutation(cb?: MutationCallbacks<unknown, string>) {
  return useApiMutation(
    {
      mutationFn: (id: string) => api.patch(`/api/auth/sessions/${id}/extend`, {}),
      invalidate: [sessionKeys.all],
      success: "Session extended.",
    },
    cb,
  );
}
