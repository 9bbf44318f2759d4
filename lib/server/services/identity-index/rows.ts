import "server-only";
import { flattenTraits } from "@/lib/identity-schema";
import type { Identity } from "@/lib/schemas/identity";
import type { IdentityIndexTable } from "@/lib/server/store/schema";

export type IndexRow = Omit<IdentityIndexTable, "seq">;

const MAX_SEARCH = 2000;

/** The lower-cased text search looks in: identifiers, names, every string trait, and the id. */
export function searchTextOf(i: Identity): string {
  const parts = new Set<string>([i.display_name, ...(i.name ? [i.name] : []), ...i.identifiers.map((x) => x.value)]);
  for (const v of Object.values(flattenTraits(i.traits)))
    for (const item of Array.isArray(v) ? v : [v]) if (typeof item === "string" && item.trim()) parts.add(item);
  parts.add(i.id);
  return [...parts].join(" ").toLowerCase().slice(0, MAX_SEARCH);
}

/** The identity as the index stores it; `lastSignIn` is kept from the row it replaces (Kratos's DTO has none). */
export function toIndexRow(i: Identity, confirmedAt: string, lastSignIn = ""): IndexRow {
  const doc: Identity = { ...i };
  delete doc.last_sign_in_at;
  return {
    id: i.id,
    schema_id: i.schema_id,
    state: i.state,
    created_at: i.created_at ?? "",
    email_key: (i.email ?? "").toLowerCase(),
    name_key: i.display_name.toLowerCase(),
    last_sign_in_key: lastSignIn,
    is_admin: i.is_admin ? 1 : 0,
    verified: i.verifiable_addresses.some((a) => a.verified) ? 1 : 0,
    search: searchTextOf(i),
    doc: JSON.stringify(doc),
    confirmed_at: confirmedAt,
  };
}

export const providersOf = (i: Pick<Identity, "providers">) => [...new Set(i.providers.map((p) => p.provider))];

/** The exact counters one identity adds to (identity_counts keys). */
export function counterKeys(
  r: Pick<IndexRow, "state" | "schema_id" | "is_admin" | "verified" | "created_at">,
  providers: string[],
): string[] {
  return [
    "all",
    `state:${r.state}`,
    `schema:${r.schema_id}`,
    ...(r.is_admin ? ["admin"] : []),
    ...(r.verified ? ["verified"] : []),
    ...(r.created_at ? [`created:${r.created_at.slice(0, 10)}`] : []),
    ...providers.map((p) => `provider:${p}`),
  ];
}
