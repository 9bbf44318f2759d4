import { flatFields, type TraitField } from "@/lib/identity-schema";

/**
 * Kratos explains refused traits as ory/jsonschema lines (`I[#/traits/username] S[#/properties/…/minLength] length
 * must be >= 3, but got 2`, several of them indented under "validation failed"). This names the field by its title and
 * keeps Kratos's own words for the rest: `Username: length must be >= 3, but got 2`. Anything else comes back as is.
 */
export function readableKratosReason(reason: string, fields: TraitField[] = []): string {
  const all = flatFields(fields);
  const titleOf = (path: string) => all.find((f) => f.path === path)?.title ?? path;
  const lines = [...reason.matchAll(/I\[#([^\]]*)\] S\[[^\]]*\] ([^\n]*)/g)].flatMap(
    ([, pointer = "", message = ""]) => {
      if (message.trim() === "validation failed") return [];
      const parts = pointer
        .split("/")
        .filter(Boolean)
        .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
      const underTraits = parts[0] === "traits" ? parts.slice(1) : parts;
      // Array indexes point into a field: `tags/1` is the field `tags`.
      const path = underTraits.filter((p) => !/^\d+$/.test(p)).join(".");
      const missing = /^missing properties: (.*)$/.exec(message.trim());
      if (missing?.[1]) {
        const names = [...missing[1].matchAll(/"([^"]+)"/g)].map(([, k]) => titleOf(path ? `${path}.${k}` : `${k}`));
        return [`${names.join(", ")}: required`];
      }
      return [path ? `${titleOf(path)}: ${message.trim()}` : message.trim()];
    },
  );
  return lines.length ? [...new Set(lines)].join("; ") : reason;
}
