import { flattenTraits } from "@/lib/identity-schema";
import type { Identity } from "@/lib/schemas/identity";

/** A trait value as table text: booleans as Yes/No, arrays joined with commas, objects as JSON; empty gives "". */
export function formatTraitValue(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map(formatTraitValue).filter(Boolean).join(", ");
  return JSON.stringify(v);
}

/**
 * What names a user on screen: the API's display name, or, when that fell back to the bare id, the first trait
 * that has a value (a number, a list…). Only a user without any trait is shown by id.
 */
export function userLabel(u: Pick<Identity, "id" | "display_name" | "traits">): string {
  if (u.display_name && u.display_name !== u.id) return u.display_name;
  for (const v of Object.values(flattenTraits(u.traits))) {
    const s = formatTraitValue(v);
    if (s) return s;
  }
  return u.display_name || u.id;
}

/** The sign-in identifiers worth showing under the name (the one the name already shows is left out). */
export function otherIdentifiers(u: Pick<Identity, "id" | "display_name" | "traits" | "identifiers" | "email">) {
  const label = userLabel(u);
  const values = u.identifiers.map((i) => i.value);
  if (u.email && !values.includes(u.email)) values.push(u.email);
  return [...new Set(values)].filter((v) => v !== label);
}
