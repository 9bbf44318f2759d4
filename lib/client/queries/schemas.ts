import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/fetcher";
import { identitySchemaListSchema, type IdentitySchemaInfo } from "@/lib/schemas/identity-schema";

export const schemaKeys = { all: ["schemas"] as const, list: () => ["schemas", "list"] as const };

export const schemasQuery = () =>
  queryOptions({
    queryKey: schemaKeys.list(),
    queryFn: ({ signal }) => api.get("/api/auth/schemas", { schema: identitySchemaListSchema, signal }),
    // Schemas change only with Kratos's config; the server caches them for 30 s too.
    staleTime: 60_000,
  });

/** Kratos's identity schemas (ids, identifiers, trait tree, raw JSON), shared by forms, tables and the schemas page. */
export const useSchemasQuery = () => useQuery(schemasQuery());

/** The schema with this id from a list, or the default one. */
export function schemaById(items: IdentitySchemaInfo[] | undefined, id?: string): IdentitySchemaInfo | undefined {
  return items?.find((s) => s.id === id) ?? items?.find((s) => s.is_default) ?? items?.[0];
}
