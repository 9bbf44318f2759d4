import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/fetcher";
import { useApiMutation, type MutationCallbacks } from "@/lib/client/queries/mutation";
import type { z } from "zod";
import { loginFlowSchema, sessionInfoSchema, type loginBodySchema, type setupBodySchema } from "@/lib/schemas/auth";
import { identitySchema, type Identity } from "@/lib/schemas/identity";

export const authKeys = { flow: ["auth", "login-flow"] as const, session: ["auth", "session"] as const };

/** A fresh Kratos login flow id on each visit of the login page. */
export const loginFlowQuery = () =>
  queryOptions({
    queryKey: authKeys.flow,
    queryFn: ({ signal }) => api.get("/api/auth/login", { schema: loginFlowSchema, signal }),
    staleTime: 0,
    retry: false,
  });
export const useLoginFlowQuery = () => useQuery(loginFlowQuery());

/** The signed-in admin (null when TRUSS_AUTH_REQUIRED is off): who "you" are, e.g. in a bulk selection. */
export const sessionQuery = () =>
  queryOptions({
    queryKey: authKeys.session,
    queryFn: ({ signal }) => api.get("/api/auth/session", { schema: sessionInfoSchema, signal }),
    staleTime: 5 * 60_000,
  });
export const useSessionQuery = () => useQuery(sessionQuery());

export type LoginInput = z.input<typeof loginBodySchema>;
export function useLoginMutation(cb?: MutationCallbacks<Identity, LoginInput>) {
  return useApiMutation(
    { mutationFn: (b: LoginInput) => api.post("/api/auth/login", b, { schema: identitySchema }) },
    cb,
  );
}

export function useLogoutMutation(cb?: MutationCallbacks<void, void>) {
  return useApiMutation({ mutationFn: () => api.post<void>("/api/auth/logout", {}) }, cb);
}

export type SetupInput = z.input<typeof setupBodySchema>;
export function useSetupMutation(cb?: MutationCallbacks<Identity, SetupInput>) {
  return useApiMutation({ mutationFn: (b: SetupInput) => api.post("/api/setup", b, { schema: identitySchema }) }, cb);
}
