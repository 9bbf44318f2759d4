import "server-only";
import { flatFields, setPath, type SchemaSummary, type TraitField } from "@/lib/identity-schema";

/**
 * One import row as sent: JSON rows may carry `traits` as an object; CSV rows arrive flat, with `traits.a.b` columns.
 * Folds the flat columns into `traits` and turns CSV text into the types the schema asks for (numbers, booleans,
 * JSON arrays/objects); an empty cell means "not given". Other keys pass through for the row schema to judge.
 */
export function foldTraitColumns(raw: Record<string, unknown>, s: SchemaSummary | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = new Map((s ? flatFields(s.fields) : []).map((f) => [f.path, f]));
  let traits: Record<string, unknown> | undefined =
    raw.traits && typeof raw.traits === "object" && !Array.isArray(raw.traits)
      ? structuredClone(raw.traits as Record<string, unknown>)
      : undefined;
  for (const [key, value] of Object.entries(raw)) {
    if (key === "traits" && traits) continue;
    if (!key.startsWith("traits.")) {
      // CSV leaves empty cells for optional columns: "not given", not an empty value.
      if (value !== "") out[key] = value;
      continue;
    }
    if (value === "" || value === null || value === undefined) continue;
    const path = key.slice("traits.".length);
    traits ??= {};
    setPath(traits, path, coerce(value, fields.get(path)));
  }
  if (traits) out.traits = traits;
  return out;
}

function coerce(value: unknown, f: TraitField | undefined): unknown {
  if (typeof value !== "string" || !f) return value;
  const v = value.trim();
  if (f.type === "number" || f.type === "integer") return v !== "" && Number.isFinite(Number(v)) ? Number(v) : value;
  if (f.type === "boolean") return /^(true|1|yes)$/i.test(v) ? true : /^(false|0|no)$/i.test(v) ? false : value;
  if (f.type === "array" || f.type === "object") {
    if (v.startsWith("[") || v.startsWith("{"))
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return value;
      }
    return f.type === "array" ? v.split(";").map((x) => x.trim()) : value;
  }
  return value;
}
