import "server-only";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { SchemaEntry } from "@/lib/server/kratos/schemas";

// Kratos validates every write itself; this runs the same schema before anything is written, so an import preview
// can say which rows Kratos would refuse. Kratos's own extension keywords are annotations, not rules.
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);
ajv.addFormat("tel", /^\+?[0-9 ().-]{3,30}$/);
const compiled = new Map<string, ValidateFunction>();

function validatorFor(entry: SchemaEntry): ValidateFunction | null {
  const key = `${entry.id}\n${JSON.stringify(entry.schema)}`;
  let v = compiled.get(key);
  if (!v) {
    try {
      const { $id: _id, $schema: _s, ...schema } = entry.schema; // ids and drafts Ajv may not know: not needed here
      v = ajv.compile(schema);
    } catch {
      return null; // a schema Ajv cannot compile: leave the verdict to Kratos
    }
    if (compiled.size > 50) compiled.clear();
    compiled.set(key, v);
  }
  return v;
}

/** Problems with these traits under the schema, as `traits.path: message` lines; empty when valid. */
export function traitProblems(entry: SchemaEntry, traits: unknown): string[] {
  const validate = validatorFor(entry);
  if (!validate || validate({ traits })) return [];
  return (validate.errors ?? []).map((e) => {
    const missing = e.keyword === "required" ? `.${String(e.params.missingProperty)}` : "";
    const path = (e.instancePath.slice(1).replaceAll("/", ".") + missing).replace(/^traits\.?/, "");
    return `traits${path ? `.${path}` : ""}: ${e.keyword === "required" ? "is required" : e.message}`;
  });
}
