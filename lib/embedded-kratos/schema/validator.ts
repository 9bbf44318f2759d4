import { isObject } from "../http";
import { isEmail } from "./email-format";

/**
 * A small JSON-Schema validator for the subset identity schemas use. Errors are formatted like
 * ory/jsonschema (`I[#/traits] S[#/properties/traits/required] missing properties: "email"`)
 * because Kratos returns that text as the 400 reason.
 */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  message: string;
  /** Several failures at one place: ory/jsonschema's "validation failed" with indented causes. */
  causes?: SchemaError[];
}

export const formatSchemaError = (e: SchemaError): string =>
  [
    `I[${e.instancePath}] S[${e.schemaPath}] ${e.message}`,
    ...(e.causes ?? []).flatMap((c) =>
      formatSchemaError(c)
        .split("\n")
        .map((l) => `  ${l}`),
    ),
  ].join("\n");

type Schema = Record<string, unknown>;

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typeMatches(expected: string, v: unknown): boolean {
  const actual = jsonType(v);
  return expected === actual || (expected === "number" && actual === "integer");
}

const quote = (s: unknown) => JSON.stringify(s);
const esc = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** Returns the first violation found, depth first, or undefined when valid. */
export function validate(schema: Schema, value: unknown, ip = "#", sp = "#"): SchemaError | undefined {
  const fail = (kw: string, message: string): SchemaError => ({
    instancePath: ip,
    schemaPath: `${sp}/${kw}`,
    message,
  });
  const type = schema.type;
  if (typeof type === "string" || Array.isArray(type)) {
    const types = (Array.isArray(type) ? type : [type]) as string[];
    if (!types.some((t) => typeMatches(t, value))) {
      const got = jsonType(value) === "integer" ? "number" : jsonType(value);
      return fail("type", `expected ${types.join(" or ")}, but got ${got}`);
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    return fail("enum", `value must be one of ${schema.enum.map(quote).join(", ")}`);
  }
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) {
    return fail("const", `value must be ${quote(schema.const)}`);
  }
  if (typeof value === "string") return validateString(schema, value, fail, ip, sp);
  if (typeof value === "number") return validateNumber(schema, value, fail);
  if (Array.isArray(value)) return validateArray(schema, value, ip, sp, fail);
  if (isObject(value)) return validateObject(schema, value, ip, sp, fail);
  return undefined;
}

type Fail = (kw: string, message: string) => SchemaError;

/** Every string keyword is checked, then Kratos's schema extension (a recovery address must be an e-mail). */
function validateString(schema: Schema, value: string, fail: Fail, ip: string, sp: string): SchemaError | undefined {
  const errors: SchemaError[] = [];
  if (schema.format === "email" && !isEmail(value)) errors.push(fail("format", `${quote(value)} is not valid "email"`));
  // Real Kratos checks phone numbers with libphonenumber (IsValidNumber); the embedded server only checks E.164's shape.
  if (schema.format === "tel" && !/^\+[1-9][0-9]{6,14}$/.test(value.replace(/[\s().-]/g, "")))
    errors.push(fail("format", `${quote(value)} is not valid "tel"`));
  const len = [...value].length;
  if (typeof schema.minLength === "number" && len < schema.minLength) {
    errors.push(fail("minLength", `length must be >= ${schema.minLength}, but got ${len}`));
  }
  if (typeof schema.maxLength === "number" && len > schema.maxLength) {
    errors.push(fail("maxLength", `length must be <= ${schema.maxLength}, but got ${len}`));
  }
  if (typeof schema.pattern === "string" && !safeRegExp(schema.pattern)?.test(value)) {
    errors.push(fail("pattern", `does not match pattern ${quote(schema.pattern)}`));
  }
  const ext = schema["ory.sh/kratos"];
  const via = (k: string) => (isObject(ext) && isObject(ext[k]) ? ext[k].via : undefined);
  const needsEmail = via("recovery") === "email" || (via("verification") === "email" && schema.format === undefined);
  if (needsEmail && !isEmail(value)) errors.push(fail("format", `${quote(value)} is not valid "email"`));
  if (errors.length <= 1) return errors[0];
  return { instancePath: ip, schemaPath: sp, message: "validation failed", causes: errors };
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}

function validateNumber(schema: Schema, value: number, fail: Fail): SchemaError | undefined {
  if (typeof schema.minimum === "number" && value < schema.minimum) {
    return fail("minimum", `must be >= ${schema.minimum} but found ${value}`);
  }
  if (typeof schema.maximum === "number" && value > schema.maximum) {
    return fail("maximum", `must be <= ${schema.maximum} but found ${value}`);
  }
  return undefined;
}

function validateArray(schema: Schema, value: unknown[], ip: string, sp: string, fail: Fail) {
  if (typeof schema.minItems === "number" && value.length < schema.minItems) {
    return fail("minItems", `minimum ${schema.minItems} items required, but found ${value.length} items`);
  }
  if (typeof schema.maxItems === "number" && value.length > schema.maxItems) {
    return fail("maxItems", `maximum ${schema.maxItems} items required, but found ${value.length} items`);
  }
  if (isObject(schema.items)) {
    for (const [i, item] of value.entries()) {
      const err = validate(schema.items, item, `${ip}/${i}`, `${sp}/items`);
      if (err) return err;
    }
  }
  return undefined;
}

function validateObject(schema: Schema, value: Record<string, unknown>, ip: string, sp: string, fail: Fail) {
  if (Array.isArray(schema.required)) {
    const missing = (schema.required as string[]).filter((k) => !(k in value));
    if (missing.length > 0) return fail("required", `missing properties: ${missing.map(quote).join(", ")}`);
  }
  const props = isObject(schema.properties) ? schema.properties : {};
  for (const [key, child] of Object.entries(value)) {
    const sub = props[key];
    if (isObject(sub)) {
      const err = validate(sub, child, `${ip}/${esc(key)}`, `${sp}/properties/${esc(key)}`);
      if (err) return err;
    } else if (schema.additionalProperties === false) {
      return fail("additionalProperties", `additionalProperties ${quote(key)} not allowed`);
    }
  }
  return undefined;
}
