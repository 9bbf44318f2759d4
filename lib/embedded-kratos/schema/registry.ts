import { KratosError, badRequest } from "../errors";
import { isObject, type JsonObject } from "../http";
import { formatSchemaError, validate } from "./validator";

export interface IdentitySchemaEntry {
  id: string;
  schema: JsonObject;
}

export interface DerivedAddresses {
  /** Normalised `password` credential identifiers (ory.sh/kratos credentials.password.identifier). */
  passwordIdentifiers: string[];
  verifiable: { value: string; via: string }[];
  recovery: { value: string; via: string }[];
}

/** Kratos's x.NormalizeIdentifier without the phone (E.164) branch. */
export const normalizeIdentifier = (v: string): string => v.normalize("NFKC").trim().toLowerCase();

export const schemaIdToBase64 = (id: string): string => Buffer.from(id, "utf8").toString("base64url");

/** The configured identity schemas; lookups accept the plain id or its unpadded base64url form. */
export class SchemaRegistry {
  constructor(readonly entries: readonly IdentitySchemaEntry[]) {}

  find(idOrEncoded: string): IdentitySchemaEntry | undefined {
    const direct = this.entries.find((e) => e.id === idOrEncoded);
    if (direct) return direct;
    const decoded = Buffer.from(idOrEncoded, "base64url").toString("utf8");
    return this.entries.find((e) => e.id === decoded && schemaIdToBase64(e.id) === idOrEncoded);
  }

  /** Throws Kratos's 400 for an unknown schema id. */
  require(id: string): IdentitySchemaEntry {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) throw badRequest(`Unable to find JSON Schema ID: ${id}`);
    return entry;
  }

  /** Validates `{traits}` against the full schema, as identity.Manager.ValidateIdentity does. */
  validateTraits(schemaId: string, traits: unknown): void {
    const entry = this.require(schemaId);
    const err = validate(entry.schema, { traits });
    if (err) throw new KratosError(400, { reason: formatSchemaError(err) });
  }

  /** Walks the traits with the schema's `ory.sh/kratos` extension to derive identifiers and addresses. */
  derive(schemaId: string, traits: unknown): DerivedAddresses {
    const out: DerivedAddresses = { passwordIdentifiers: [], verifiable: [], recovery: [] };
    const traitsSchema = traitsSchemaOf(this.require(schemaId).schema);
    if (traitsSchema) walk(traitsSchema, traits, out);
    out.passwordIdentifiers = [...new Set(out.passwordIdentifiers)];
    return out;
  }

  /** The login identifier label: generated from the title when exactly one field is an identifier. */
  identifierLabel(schemaId: string): { title: string; name: string } | undefined {
    const entry = this.entries.find((e) => e.id === schemaId);
    const traitsSchema = entry ? traitsSchemaOf(entry.schema) : undefined;
    const found: { title?: string; name: string }[] = [];
    if (traitsSchema) collectIdentifierFields(traitsSchema, "traits", found);
    const only = found.length === 1 ? found[0] : undefined;
    return only?.title ? { title: only.title, name: only.name } : undefined;
  }
}

function traitsSchemaOf(schema: JsonObject): JsonObject | undefined {
  const props = schema.properties;
  return isObject(props) && isObject(props.traits) ? props.traits : undefined;
}

function extensionOf(schema: JsonObject): JsonObject | undefined {
  const ext = schema["ory.sh/kratos"];
  return isObject(ext) ? ext : undefined;
}

function isPasswordIdentifier(ext: JsonObject | undefined): boolean {
  const creds = ext?.credentials;
  return isObject(creds) && isObject(creds.password) && creds.password.identifier === true;
}

function walk(schema: JsonObject, value: unknown, out: DerivedAddresses): void {
  if (typeof value === "string") {
    const ext = extensionOf(schema);
    if (!ext) return;
    if (isPasswordIdentifier(ext)) out.passwordIdentifiers.push(normalizeIdentifier(value));
    const via = (k: string) => {
      const section = ext[k];
      return isObject(section) ? section.via : undefined;
    };
    const address = value.trim().toLowerCase();
    const verification = via("verification");
    if (typeof verification === "string") out.verifiable.push({ value: address, via: verification });
    const recovery = via("recovery");
    if (typeof recovery === "string") out.recovery.push({ value: address, via: recovery });
    return;
  }
  if (Array.isArray(value) && isObject(schema.items)) {
    for (const item of value) walk(schema.items, item, out);
    return;
  }
  if (isObject(value) && isObject(schema.properties)) {
    for (const [k, v] of Object.entries(value)) {
      const sub = schema.properties[k];
      if (isObject(sub)) walk(sub, v, out);
    }
  }
}

function collectIdentifierFields(schema: JsonObject, path: string, out: { title?: string; name: string }[]) {
  if (isPasswordIdentifier(extensionOf(schema))) {
    out.push({ title: typeof schema.title === "string" ? schema.title : undefined, name: path });
  }
  if (isObject(schema.properties)) {
    for (const [k, sub] of Object.entries(schema.properties)) {
      if (isObject(sub)) collectIdentifierFields(sub, `${path}.${k}`, out);
    }
  }
}
