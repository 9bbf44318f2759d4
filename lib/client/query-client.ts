import { QueryClient } from "@tanstack/react-query";
import { ApiClientError } from "@/lib/client/fetcher";

/** One client per browser tab (held in useState by app/providers.tsx). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // 4xx answers will not change on retry; network blips and 5xx get one more try.
        retry: (count, err) => !(err instanceof ApiClientError && err.code >= 400 && err.code < 500) && count < 1,
      },
    },
  });
}

declare module "@tanstack/react-query" {
  interface Register {
    defaultError: ApiClientError;
  }
}
