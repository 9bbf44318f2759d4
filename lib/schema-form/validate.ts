/**
 * A JSON Schema interpreter for the generated traits form, with messages written for people ("Required", "Must be one
 * of: a, b"). Ajv compiles schemas with `new Function`, which the pages' Content-Security-Policy forbids (no
 * 'unsafe-eval' in production), so the browser validates with this instead; Kratos still has the last word on save.
 * It covers what identity schemas use: type, enum, const, string/number/array/object keywords, formats, local $ref and
 * the combinators. Unknown keywords are annotations. Pure and isomorphic.
 */

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export interface Problem {
  /** Path to the value in the data: `["name", "first"]`, `["tags", 0]`. */
  path: (string | number)[];
  keyword: string;
  message: string;
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "a group of fields",
  null: "empty",
};

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const list = (values: unknown[]) => values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Formats checked in the browser; any other format is left to Kratos. */
const FORMATS: Record<string, { test: (s: string) => boolean; message: string }> = {
  email: {
    test: (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
    message: "Must be an email address, like name@example.com",
  },
  // Kratos checks phone numbers with libphonenumber; this only checks the international shape (E.164).
  tel: {
    test: (s) => /^\+[1-9][0-9]{6,14}$/.test(s.replace(/[\s().-]/g, "")),
    message: "Must be a phone number in international format, like +12015550123",
  },
  uri: {
    test: (s) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(s) && URL.canParse(s),
    message: "Must be a full address, like https://example.com",
  },
  date: {
    test: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)),
    message: "Must be a date, like 2025-01-31",
  },
  "date-time": {
    test: (s) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
    message: "Must be a date and time, like 2025-01-31T09:30:00Z",
  },
};

function regExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return null; // a pattern this browser cannot read: Kratos decides
  }
}

function resolve(root: Json, s: unknown, depth = 0): Json | null {
  if (!isObj(s)) return s === true || s === undefined ? {} : null; // `false` schema: nothing is valid
  if (typeof s.$ref !== "string" || depth > 32) return s;
  if (!s.$ref.startsWith("#")) return {}; // a remote $ref: not followed here
  let cur: unknown = root;
  for (const raw of s.$ref.slice(1).split("/").filter(Boolean))
    cur = isObj(cur) ? cur[decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return resolve(root, cur, depth + 1);
}

/** Every problem with `value` under `schema` (refs resolve against `root`); empty when valid. */
export function validateValue(schema: unknown, value: unknown, root: unknown = schema): Problem[] {
  const out: Problem[] = [];
  check(isObj(root) ? root : {}, schema, value, [], out);
  return out;
}

function check(root: Json, raw: unknown, value: unknown, path: Problem["path"], out: Problem[]): void {
  const s = resolve(root, raw);
  const fail = (keyword: string, message: string, at = path) => out.push({ path: at, keyword, message });
  if (!s) return void fail("false", "Not allowed");
  if (value === undefined) return;

  const types = (Array.isArray(s.type) ? s.type : typeof s.type === "string" ? [s.type] : []) as string[];
  const actual = jsonType(value);
  if (types.length && !types.some((t) => t === actual || (t === "number" && actual === "integer")))
    return void fail("type", `Must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(" or ")}`);
  if (Array.isArray(s.enum) && !s.enum.some((e) => equal(e, value)))
    return void fail("enum", `Must be one of: ${list(s.enum)}`);
  if ("const" in s && !equal(s.const, value)) return void fail("const", `Must be ${list([s.const])}`);

  if (typeof value === "string") checkString(s, value, fail);
  if (typeof value === "number") checkNumber(s, value, fail);
  if (Array.isArray(value)) checkArray(root, s, value, path, out, fail);
  if (isObj(value)) checkObject(root, s, value, path, out, fail);

  if (Array.isArray(s.allOf)) for (const sub of s.allOf) check(root, sub, value, path, out);
  const passes = (sub: unknown) => {
    const p: Problem[] = [];
    check(root, sub, value, path, p);
    return p.length === 0;
  };
  if (Array.isArray(s.anyOf) && !s.anyOf.some(passes)) fail("anyOf", "Does not match any of the allowed forms");
  if (Array.isArray(s.oneOf) && s.oneOf.filter(passes).length !== 1)
    fail("oneOf", "Must match exactly one of the allowed forms");
  if (s.not !== undefined && passes(s.not)) fail("not", "This value is not allowed");
  if (s.if !== undefined) {
    const branch = passes(s.if) ? s.then : s.else;
    if (branch !== undefined) check(root, branch, value, path, out);
  }
}

type Fail = (keyword: string, message: string, at?: Problem["path"]) => void;

function checkString(s: Json, value: string, fail: Fail) {
  const len = [...value].length;
  if (typeof s.minLength === "number" && len < s.minLength)
    fail("minLength", `Must be at least ${plural(s.minLength, "character")}`);
  if (typeof s.maxLength === "number" && len > s.maxLength)
    fail("maxLength", `Must be at most ${plural(s.maxLength, "character")}`);
  if (typeof s.pattern === "string" && regExp(s.pattern)?.test(value) === false)
    fail("pattern", `Not in the expected form (pattern ${s.pattern})`);
  const format = typeof s.format === "string" ? FORMATS[s.format] : undefined;
  if (format && !format.test(value)) fail("format", format.message);
}

function checkNumber(s: Json, value: number, fail: Fail) {
  if (typeof s.minimum === "number" && value < s.minimum) fail("minimum", `Must be at least ${s.minimum}`);
  if (typeof s.maximum === "number" && value > s.maximum) fail("maximum", `Must be at most ${s.maximum}`);
  if (typeof s.exclusiveMinimum === "number" && value <= s.exclusiveMinimum)
    fail("exclusiveMinimum", `Must be more than ${s.exclusiveMinimum}`);
  if (typeof s.exclusiveMaximum === "number" && value >= s.exclusiveMaximum)
    fail("exclusiveMaximum", `Must be less than ${s.exclusiveMaximum}`);
  if (typeof s.multipleOf === "number" && s.multipleOf > 0 && !Number.isInteger(value / s.multipleOf))
    fail("multipleOf", `Must be a multiple of ${s.multipleOf}`);
}

function checkArray(root: Json, s: Json, value: unknown[], path: Problem["path"], out: Problem[], fail: Fail) {
  if (typeof s.minItems === "number" && value.length < s.minItems)
    fail("minItems", `Add at least ${plural(s.minItems, "entry", "entries")}`);
  if (typeof s.maxItems === "number" && value.length > s.maxItems)
    fail("maxItems", `At most ${plural(s.maxItems, "entry", "entries")}`);
  if (s.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length)
    fail("uniqueItems", "Each entry must be different");
  const tuple = Array.isArray(s.items) ? s.items : Array.isArray(s.prefixItems) ? s.prefixItems : null;
  value.forEach((item, i) => {
    const sub: unknown = tuple ? (i < tuple.length ? (tuple as unknown[])[i] : s.additionalItems) : s.items;
    // A row added and left empty: the form keeps it as `undefined` (sent as null), so say so beside the row.
    if (item === undefined || item === null) {
      if (sub !== undefined) fail("required", "Enter a value or remove this row", [...path, i]);
      return;
    }
    if (sub !== undefined) check(root, sub, item, [...path, i], out);
  });
}

function checkObject(root: Json, s: Json, value: Json, path: Problem["path"], out: Problem[], fail: Fail) {
  const props = isObj(s.properties) ? s.properties : {};
  if (Array.isArray(s.required))
    for (const key of s.required)
      if (typeof key === "string" && value[key] === undefined) fail("required", "Required", [...path, key]);
  const patterns = isObj(s.patternProperties) ? Object.entries(s.patternProperties) : [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const matched = patterns.filter(([p]) => regExp(p)?.test(key));
    for (const [, sub] of matched) check(root, sub, v, [...path, key], out);
    if (key in props) check(root, props[key], v, [...path, key], out);
    else if (!matched.length && s.additionalProperties === false)
      fail("additionalProperties", `“${key}” is not a field of this schema`);
    else if (!matched.length && isObj(s.additionalProperties))
      check(root, s.additionalProperties, v, [...path, key], out);
  }
  if (typeof s.minProperties === "number" && Object.keys(value).length < s.minProperties)
    fail("minProperties", `Fill in at least ${plural(s.minProperties, "field")}`);
  if (typeof s.maxProperties === "number" && Object.keys(value).length > s.maxProperties)
    fail("maxProperties", `At most ${plural(s.maxProperties, "field")}`);
}
