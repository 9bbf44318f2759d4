import "server-only";
import { ApiError } from "@/lib/server/http/errors";
import { flatFields, setPath, type SchemaSummary } from "@/lib/identity-schema";

/** The convenience fields the APIs accept besides raw `traits`. */
export interface TraitShortcuts {
  traits?: Record<string, unknown>;
  email?: string;
  name?: string | null;
  identifier?: string;
}

/**
 * Builds traits for a schema from `traits` plus the shortcuts: `email` goes to the schema's first email trait,
 * `identifier` to its first identifier, `name` to its name trait(s) (`name`, or `name.first` + `name.last`).
 * A shortcut the schema has no place for is refused with a clear reason, never written to a made-up trait.
 */
export function buildTraits(
  s: SchemaSummary | undefined,
  b: TraitShortcuts,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  const traits: Record<string, unknown> = { ...structuredClone(base), ...structuredClone(b.traits ?? {}) };
  const fields = s ? flatFields(s.fields) : [];
  if (b.email !== undefined) {
    const path = s
      ? (s.identifiers.find((i) => i.kind === "email")?.path ??
        fields.find((f) => f.format === "email" && f.type === "string")?.path)
      : "email";
    if (!path) throw noPlace(s, "an email");
    setPath(traits, path, b.email);
  }
  if (b.identifier !== undefined) {
    const path = s ? s.identifiers[0]?.path : "email";
    if (!path) throw noPlace(s, "a sign-in identifier");
    setPath(traits, path, b.identifier);
  }
  if (b.name !== undefined) {
    const from = s ? s.nameFrom.filter((p) => p !== "username") : ["name.first", "name.last"];
    if (!from.length) throw noPlace(s, "a name");
    if (b.name === null) for (const p of from) setPath(traits, p, undefined);
    else if (from.length === 1) setPath(traits, from[0]!, b.name.trim());
    else {
      const [first = b.name, ...rest] = b.name.trim().split(/\s+/);
      setPath(traits, from[0]!, first);
      setPath(traits, from[1]!, rest.length ? rest.join(" ") : undefined);
    }
    pruneEmpty(traits, from);
  }
  return traits;
}

// `{name: {}}` left after removing the last part of a name fails schemas that require its parts: drop it.
function pruneEmpty(traits: Record<string, unknown>, paths: string[]) {
  for (const p of paths) {
    const parent = p.split(".").slice(0, -1).join(".");
    if (!parent) continue;
    const v = parent.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], traits);
    if (v && typeof v === "object" && Object.keys(v).length === 0) setPath(traits, parent, undefined);
  }
}

function noPlace(s: SchemaSummary | undefined, what: string): ApiError {
  return new ApiError(
    "validation_failed",
    `The identity schema "${s?.id ?? "?"}" has no trait for ${what}: send \`traits\` as the schema describes them.`,
  );
}
