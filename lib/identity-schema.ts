/**
 * What Truss reads from a Kratos identity schema, on the server and in the browser alike: which traits sign a user
 * in (and what kind of value they hold), which are verified or used for recovery, how to name a user, and a tree of
 * fields for tables, forms and the schemas page. Pure functions of the schema JSON; nothing here assumes `email`.
 */

export type IdentifierKind = "email" | "phone" | "username";
export type FieldType = "string" | "number" | "integer" | "boolean" | "object" | "array";

export interface TraitField {
  /** Dotted path under `traits`, e.g. `name.first`. */
  path: string;
  title: string;
  type: FieldType;
  format?: string;
  enum?: unknown[];
  required: boolean;
  /** Array item type (arrays of strings, numbers…). */
  items?: FieldType;
  children?: TraitField[];
}

export interface SchemaIdentifier {
  path: string;
  title: string;
  kind: IdentifierKind;
  /** Credential types that use this trait as their identifier: password, code, webauthn, passkey, totp. */
  credentials: string[];
}

export interface SchemaSummary {
  id: string;
  title: string;
  identifiers: SchemaIdentifier[];
  verification: { path: string; via: string }[];
  recovery: { path: string; via: string }[];
  /** Paths that make the display name, in order (joined with a space). Empty: fall back to the first identifier. */
  nameFrom: string[];
  fields: TraitField[];
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function typeOf(s: Json): FieldType {
  const t: unknown = Array.isArray(s.type) ? (s.type as unknown[]).find((x) => x !== "null") : s.type;
  if (t === "number" || t === "integer" || t === "boolean" || t === "object" || t === "array") return t;
  if (t === undefined && isObj(s.properties)) return "object";
  return "string";
}

/** The `traits` sub-schema, following a local `$ref` (`#/definitions/…` or `#/$defs/…`) if it is one. */
export function traitsSchemaOf(schema: unknown): Json | undefined {
  if (!isObj(schema) || !isObj(schema.properties)) return undefined;
  return resolveRef(schema, schema.properties.traits);
}

function resolveRef(root: Json, s: unknown): Json | undefined {
  if (!isObj(s)) return undefined;
  if (typeof s.$ref !== "string" || !s.$ref.startsWith("#/")) return s;
  let cur: unknown = root;
  for (const part of s.$ref.slice(2).split("/")) cur = isObj(cur) ? cur[part] : undefined;
  return isObj(cur) ? cur : undefined;
}

function kratosExt(s: Json): Json {
  const e = s["ory.sh/kratos"];
  return isObj(e) ? e : {};
}

function kindOf(s: Json, ext: Json, credentials: Json): IdentifierKind {
  const vias = [kratosExt(s).verification, ext.recovery, credentials.code]
    .map((x) => (isObj(x) ? x.via : undefined))
    .filter((x): x is string => typeof x === "string");
  if (s.format === "email" || vias.includes("email")) return "email";
  if (s.format === "tel" || vias.includes("sms")) return "phone";
  return "username";
}

/** Reads one schema. Unknown or malformed parts are skipped, never thrown on: Kratos already accepted the schema. */
export function describeSchema(id: string, schema: unknown): SchemaSummary {
  const root = isObj(schema) ? schema : {};
  const out: SchemaSummary = {
    id,
    title: typeof root.title === "string" ? root.title : id,
    identifiers: [],
    verification: [],
    recovery: [],
    nameFrom: [],
    fields: [],
  };
  const traits = traitsSchemaOf(root);
  if (!traits) return out;
  out.fields = fieldsOf(root, traits, "", out);
  out.nameFrom = nameFrom(out);
  return out;
}

function fieldsOf(root: Json, s: Json, prefix: string, out: SchemaSummary): TraitField[] {
  const props = isObj(s.properties) ? s.properties : {};
  const required = Array.isArray(s.required) ? s.required : [];
  const fields: TraitField[] = [];
  for (const [key, raw] of Object.entries(props)) {
    const sub = resolveRef(root, raw);
    if (!sub) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const type = typeOf(sub);
    const field: TraitField = {
      path,
      title: typeof sub.title === "string" && sub.title ? sub.title : humanise(key),
      type,
      required: required.includes(key),
      ...(typeof sub.format === "string" ? { format: sub.format } : {}),
      ...(Array.isArray(sub.enum) ? { enum: sub.enum } : {}),
    };
    if (type === "object") field.children = fieldsOf(root, sub, path, out);
    if (type === "array") {
      const items = resolveRef(root, sub.items);
      if (items) field.items = typeOf(items);
      if (items) noteExtension(items, path, field.title, out);
    } else noteExtension(sub, path, field.title, out);
    fields.push(field);
  }
  return fields;
}

function noteExtension(s: Json, path: string, title: string, out: SchemaSummary) {
  const ext = kratosExt(s);
  const creds = isObj(ext.credentials) ? ext.credentials : {};
  const used = Object.entries(creds)
    .filter(([, c]) => isObj(c) && (c.identifier === true || typeof c.via === "string" || c.account_name === true))
    .map(([type]) => type);
  if (used.length) out.identifiers.push({ path, title, kind: kindOf(s, ext, creds), credentials: used });
  for (const key of ["verification", "recovery"] as const) {
    const v = ext[key];
    if (isObj(v) && typeof v.via === "string") out[key].push({ path, via: v.via });
  }
}

function nameFrom(s: SchemaSummary): string[] {
  const all = flatFields(s.fields);
  const has = (p: string) => all.some((f) => f.path === p && f.type === "string");
  if (has("name")) return ["name"];
  const parts = ["name.first", "name.last"].filter(has);
  if (parts.length) return parts;
  for (const p of ["full_name", "display_name", "username"]) if (has(p)) return [p];
  return [];
}

function humanise(key: string): string {
  const s = key.replace(/[_-]+/g, " ").trim();
  return s ? s[0]!.toUpperCase() + s.slice(1) : key;
}

/** Every field of the tree, depth first (objects included). */
export function flatFields(fields: TraitField[]): TraitField[] {
  return fields.flatMap((f) => [f, ...flatFields(f.children ?? [])]);
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(".")) cur = isObj(cur) ? cur[part] : undefined;
  return cur;
}

/** Sets a dotted path, creating objects on the way; `undefined` removes the key. Returns the same object. */
export function setPath(obj: Json, path: string, value: unknown): Json {
  const parts = path.split(".");
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (!isObj(cur[part])) cur[part] = {};
    cur = cur[part] as Json;
  }
  const last = parts.at(-1)!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return obj;
}

/** `{name:{first:"A"}}` → `{"name.first":"A"}`: leaves only (arrays stay whole). */
export function flattenTraits(traits: unknown, prefix = ""): Record<string, unknown> {
  if (!isObj(traits)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(traits)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isObj(v)) Object.assign(out, flattenTraits(v, path));
    else out[path] = v;
  }
  return out;
}

/** The identifier values a user has, in schema order (arrays give one value per item). */
export function identifierValues(
  traits: unknown,
  s: SchemaSummary,
): { path: string; kind: IdentifierKind; value: string }[] {
  return s.identifiers.flatMap((id) => {
    const v = getPath(traits, id.path);
    const values = Array.isArray(v) ? v : [v];
    return values
      .filter((x): x is string => typeof x === "string" && x.length > 0)
      .map((value) => ({ path: id.path, kind: id.kind, value }));
  });
}

/**
 * A name for people: the schema's name trait(s), else the first identifier, else any string trait. Without a schema
 * (Kratos did not answer), the usual trait names are tried so a list still shows something meaningful.
 */
export function displayNameOf(traits: unknown, s: SchemaSummary | undefined): string | null {
  const str = (p: string) => {
    const v = getPath(traits, p);
    return typeof v === "string" && v.trim() ? v.trim() : null;
  };
  const paths = s ? s.nameFrom : ["name", "name.first", "name.last"];
  const name = paths
    .map(str)
    .filter((x): x is string => !!x)
    .join(" ");
  if (name) return name;
  const first = s ? identifierValues(traits, s)[0]?.value : undefined;
  if (first) return first;
  for (const p of ["email", "username", "phone"]) if (str(p)) return str(p);
  const anyString = Object.values(flattenTraits(traits)).find((v) => typeof v === "string" && v.trim());
  return typeof anyString === "string" ? anyString : null;
}

/** The first email-like value: a trait marked as an email identifier or address, else a trait with format email. */
export function emailOf(traits: unknown, s: SchemaSummary | undefined): string | null {
  if (!s) {
    const e = getPath(traits, "email");
    return typeof e === "string" ? e : null;
  }
  const paths = [
    ...s.identifiers.filter((i) => i.kind === "email").map((i) => i.path),
    ...[...s.verification, ...s.recovery].filter((a) => a.via === "email").map((a) => a.path),
    ...flatFields(s.fields)
      .filter((f) => f.format === "email")
      .map((f) => f.path),
  ];
  for (const p of paths) {
    const v = getPath(traits, p);
    const first: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
    if (typeof first === "string" && first) return first;
  }
  return null;
}
