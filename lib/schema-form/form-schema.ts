import { traitsSchemaOf } from "@/lib/identity-schema";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Keys the form has no use for: Kratos's extension (an annotation) and the ids/drafts of the outer document. */
const DROP = new Set(["ory.sh/kratos", "$id", "$schema"]);

function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (DROP.has(k) ? [] : [[k, strip(x)]])));
}

/**
 * The `traits` part of a Kratos identity schema as a stand-alone JSON Schema for the form: `properties.traits` (or
 * what its local `$ref` points at), with the outer document's `definitions`/`$defs` kept so nested `$ref`s still
 * resolve, and without `ory.sh/kratos`, `$id` or `$schema`. Null when the schema has no object traits.
 */
export function traitsFormSchema(identitySchema: unknown): Json | null {
  const traits = traitsSchemaOf(identitySchema);
  if (!traits || !isObj(identitySchema)) return null;
  const { title: _title, description: _description, ...rest } = traits; // the dialog names the form already
  const out: Json = { type: "object", ...rest };
  for (const key of ["definitions", "$defs"])
    if (isObj(identitySchema[key]) && !(key in out)) out[key] = identitySchema[key];
  return strip(out) as Json;
}

/**
 * Form data as traits to send: drops values the form leaves behind for empty inputs (`undefined`, empty strings, empty
 * rows of a list, and objects left without any field), so Kratos sees only what was filled in.
 */
export function pruneTraits(data: unknown): Json {
  const v = prune(data);
  return isObj(v) ? v : {};
}

function prune(v: unknown): unknown {
  if (v === undefined || v === null || v === "") return undefined;
  if (Array.isArray(v)) return v.map(prune).filter((x) => x !== undefined);
  if (!isObj(v)) return v;
  const entries = Object.entries(v).flatMap(([k, x]) => {
    const p = prune(x);
    return p === undefined ? [] : [[k, p] as const];
  });
  return entries.length ? Object.fromEntries(entries) : undefined;
}
