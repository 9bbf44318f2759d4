import { isObject, type JsonObject } from "../http";
import type { SchemaRegistry } from "../schema/registry";
import type { UiMessage } from "../store/types";
import { valueAt } from "./selfservice-flow";
import { inputNode } from "./ui-nodes";

export interface TraitNodeOptions {
  group: string;
  /** Current traits (settings) or what the user typed (registration). */
  traits: unknown;
  nodeMessages: Record<string, UiMessage[]>;
  /** Registration's password step shows the traits as hidden fields. */
  hidden?: boolean;
}

interface Field {
  name: string;
  schema: JsonObject;
  required: boolean;
}

function collect(schema: JsonObject, prefix: string, required: boolean, out: Field[]): void {
  const props = isObject(schema.properties) ? schema.properties : {};
  const req = Array.isArray(schema.required) ? schema.required : [];
  for (const [key, sub] of Object.entries(props)) {
    if (!isObject(sub)) continue;
    const name = `${prefix}.${key}`;
    if (sub.type === "object") collect(sub, name, required && req.includes(key), out);
    else out.push({ name, schema: sub, required: required && req.includes(key) });
  }
}

/** node.NewInputFieldFromSchema's type mapping. */
function inputType(s: JsonObject): string {
  if (s.type === "number" || s.type === "integer") return "number";
  if (s.type === "boolean") return "checkbox";
  if (s.format === "email") return "email";
  if (s.format === "date") return "date";
  if (s.format === "date-time") return "datetime-local";
  if (s.format === "uri") return "url";
  if (s.format === "tel") return "tel";
  return "text";
}

/** One input node per leaf trait of the identity schema, in schema order, with titles as labels. */
export function traitNodes(schemas: SchemaRegistry, schemaId: string, o: TraitNodeOptions): JsonObject[] {
  const entry = schemas.require(schemaId);
  const props = isObject(entry.schema.properties) ? entry.schema.properties : {};
  const traitsSchema = isObject(props.traits) ? props.traits : undefined;
  const fields: Field[] = [];
  if (traitsSchema) collect(traitsSchema, "traits", true, fields);
  return fields.map((f) => {
    const value = valueAt({ traits: o.traits }, f.name);
    const title = typeof f.schema.title === "string" ? f.schema.title : undefined;
    const label = title ? { id: 1070002, text: title, type: "info", context: { name: f.name, title } } : undefined;
    return inputNode(
      o.group,
      {
        name: f.name,
        type: o.hidden ? "hidden" : inputType(f.schema),
        ...(value !== undefined && { value }),
        required: f.required && !o.hidden,
        autocomplete: !o.hidden && f.schema.format === "email" ? "email" : undefined,
      },
      label,
      o.nodeMessages[f.name] ?? [],
    );
  });
}

/** decoderx's schema-aware decoding: object-typed properties the client left out arrive as `{}`. */
export function withEmptyObjects(schemas: SchemaRegistry, schemaId: string, traits: JsonObject): JsonObject {
  const props = isObject(schemas.require(schemaId).schema.properties)
    ? (schemas.require(schemaId).schema.properties as JsonObject)
    : {};
  const fill = (schema: unknown, value: JsonObject): JsonObject => {
    const out: JsonObject = { ...value };
    const sub = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
    for (const [key, s] of Object.entries(sub)) {
      if (isObject(s) && s.type === "object") out[key] = fill(s, isObject(out[key]) ? out[key] : {});
    }
    return out;
  };
  return fill(props.traits, traits);
}
