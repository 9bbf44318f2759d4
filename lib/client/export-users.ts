import { toCsv } from "@/lib/client/csv";
import { flatFields, flattenTraits, type TraitField } from "@/lib/identity-schema";
import type { Identity } from "@/lib/schemas/identity";

/**
 * Exports that import back as they are (lib/client/import-rows.ts): the importable fields first (schema, state,
 * traits), then read-only facts for people and spreadsheets, which the import skips and reports as such.
 */

/** Written after the traits in CSV; every one of them is in READ_ONLY_FIELDS or skipped as text (providers). */
export const CSV_READ_ONLY_COLUMNS = [
  "display_name",
  "is_admin",
  "created_at",
  "updated_at",
  "credential_types",
  "providers",
  "metadata_public",
] as const;

/**
 * Every leaf trait path the users have (arrays are leaves): in their schemas' field order when the schemas are
 * known (schemas met first come first), then any other path in the order first met.
 */
export function traitPaths(
  users: Pick<Identity, "traits" | "schema_id">[],
  schemas: { id: string; fields: TraitField[] }[] = [],
): string[] {
  const present = new Set<string>();
  for (const u of users) for (const p of Object.keys(flattenTraits(u.traits))) present.add(p);
  const byId = new Map(schemas.map((s) => [s.id, s]));
  const ordered = new Set<string>();
  for (const id of new Set(users.map((u) => u.schema_id)))
    for (const f of flatFields(byId.get(id)?.fields ?? [])) if (present.has(f.path)) ordered.add(f.path);
  for (const p of present) ordered.add(p);
  return [...ordered];
}

/**
 * CSV: `id, schema_id, state, traits.<path>…` then read-only columns. Arrays are JSON text (`["a","b"]`); numbers and
 * booleans plain text, which the import types back by the row's schema; absent traits are empty cells.
 */
export function usersToCsv(users: Identity[], schemas: { id: string; fields: TraitField[] }[] = []): string {
  const paths = traitPaths(users, schemas);
  return toCsv(
    ["id", "schema_id", "state", ...paths.map((p) => `traits.${p}`), ...CSV_READ_ONLY_COLUMNS],
    users.map((u) => {
      const flat = flattenTraits(u.traits);
      return [
        u.id,
        u.schema_id,
        u.state,
        ...paths.map((p) => flat[p]),
        u.display_name,
        u.is_admin,
        u.created_at,
        u.updated_at,
        u.credential_types.join(" "),
        u.providers.map((p) => p.provider).join(" "),
        u.metadata_public,
      ];
    }),
  );
}

/** One JSON object per user: what the import takes (`schema_id`, `traits`, `state`, social links), then read-only facts. */
export function exportObject(u: Identity): Record<string, unknown> {
  return {
    id: u.id,
    schema_id: u.schema_id,
    state: u.state,
    traits: u.traits,
    ...(u.providers.length
      ? { providers: u.providers.map((p) => ({ provider: p.provider, subject: p.subject })) }
      : {}),
    ...(u.metadata_public !== null && u.metadata_public !== undefined ? { metadata_public: u.metadata_public } : {}),
    display_name: u.display_name,
    is_admin: u.is_admin,
    credential_types: u.credential_types,
    created_at: u.created_at,
    updated_at: u.updated_at,
  };
}

export const usersToJson = (users: Identity[]): string => JSON.stringify(users.map(exportObject), null, 2) + "\n";
