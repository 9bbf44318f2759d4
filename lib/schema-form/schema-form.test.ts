import fs from "node:fs";
import path from "node:path";
import { customizeValidator } from "@rjsf/validator-ajv8";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import SchemaForm from "@/components/schema-form/schema-form";
import { describeSchema } from "@/lib/identity-schema";
import { pruneTraits, traitsFormSchema } from "@/lib/schema-form/form-schema";
import { readableKratosReason } from "@/lib/schema-form/kratos-reason";
import { TraitsValidator } from "@/lib/schema-form/rjsf-validator";
import { validateValue } from "@/lib/schema-form/validate";

const load = (p: string) => JSON.parse(fs.readFileSync(path.resolve(p), "utf8")) as Record<string, unknown>;
const quickstart = load("deploy/kratos/identity.schema.json");
const staff = load("deploy/kratos/schemas/username-phone.schema.json");

describe("traitsFormSchema", () => {
  it("takes the traits object and drops Kratos's extension, $id and $schema", () => {
    const s = traitsFormSchema(quickstart)!;
    expect(s.type).toBe("object");
    expect(s.required).toEqual(["email"]);
    expect(JSON.stringify(s)).not.toContain("ory.sh/kratos");
    expect(s).not.toHaveProperty("$schema");
    expect(s).not.toHaveProperty("$id");
    expect((s.properties as Record<string, { title?: string }>).email?.title).toBe("E-Mail");
  });

  it("follows a $ref to the traits and keeps definitions for nested refs", () => {
    const s = traitsFormSchema({
      $schema: "http://json-schema.org/draft-07/schema#",
      definitions: {
        t: { type: "object", properties: { who: { $ref: "#/definitions/who" } } },
        who: { type: "string", minLength: 2 },
      },
      properties: { traits: { $ref: "#/definitions/t" } },
    })!;
    expect(s.properties).toEqual({ who: { $ref: "#/definitions/who" } });
    expect(validateValue(s, { who: "a" })).toEqual([
      { path: ["who"], keyword: "minLength", message: "Must be at least 2 characters" },
    ]);
  });

  it("is null for a schema without traits", () => {
    expect(traitsFormSchema({ type: "object" })).toBeNull();
    expect(traitsFormSchema(null)).toBeNull();
  });
});

describe("validateValue", () => {
  const s = traitsFormSchema(staff)!;

  it("explains each problem beside its field, in words for people", () => {
    expect(
      validateValue(s, { username: "ab", phone: "12", name: {}, department: "hr", tags: ["a", undefined] }),
    ).toEqual([
      { path: ["username"], keyword: "minLength", message: "Must be at least 3 characters" },
      { path: ["phone"], keyword: "format", message: expect.stringContaining("phone number") as string },
      { path: ["name", "first"], keyword: "required", message: "Required" },
      { path: ["department"], keyword: "enum", message: "Must be one of: engineering, support, sales" },
      { path: ["tags", 1], keyword: "required", message: "Enter a value or remove this row" },
    ]);
    expect(validateValue(s, {})).toEqual([
      { path: ["username"], keyword: "required", message: "Required" },
      { path: ["name"], keyword: "required", message: "Required" },
    ]);
    expect(validateValue(s, { username: "Bad Name", name: { first: "A" } })[0]?.message).toMatch(/expected form/);
  });

  it("accepts what Kratos accepts", () => {
    const ok = {
      username: "ada.l",
      phone: "+12015550123",
      name: { first: "Ada", last: "Lovelace" },
      department: "engineering",
      newsletter: true,
      tags: ["x"],
    };
    expect(validateValue(s, ok)).toEqual([]);
    expect(validateValue(traitsFormSchema(quickstart), { email: "a@b.co", name: { first: "A" } })).toEqual([]);
  });

  it("checks types, numbers, lists and combinators", () => {
    const schema = {
      type: "object",
      properties: {
        n: { type: "integer", minimum: 1, maximum: 3 },
        l: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string" } },
        u: { type: "string", format: "uri" },
        d: { type: "string", format: "date" },
        c: { anyOf: [{ type: "string" }, { type: "number" }] },
      },
      additionalProperties: false,
    };
    const msgs = validateValue(schema, { n: 1.5, l: [], u: "nope", d: "2025-13-45", c: true, x: 1 }).map(
      (p) => p.message,
    );
    expect(msgs).toEqual([
      "Must be a whole number",
      "Add at least 1 entry",
      "Must be a full address, like https://example.com",
      "Must be a date, like 2025-01-31",
      "Does not match any of the allowed forms",
      "“x” is not a field of this schema",
    ]);
    expect(validateValue(schema, { n: 4 }).map((p) => p.message)).toEqual(["Must be at most 3"]);
    expect(validateValue(schema, { l: ["a", "a"] }).map((p) => p.message)).toEqual(["Each entry must be different"]);
  });
});

describe("TraitsValidator (RJSF's contract) agrees with @rjsf/validator-ajv8", () => {
  // Ajv is the reference; the browser cannot use it under the pages' CSP, so the two must give the same verdicts.
  const ajv = customizeValidator({
    ajvOptionsOverrides: { strict: false },
    customFormats: { tel: (v: string) => /^\+[1-9][0-9]{6,14}$/.test(v.replace(/[\s().-]/g, "")) },
  });
  const ours = new TraitsValidator();
  const fields = (errs: { property?: string }[]) => [...new Set(errs.map((e) => e.property ?? ""))].sort();
  const cases: [Record<string, unknown>, Record<string, unknown>][] = [
    [staff, { username: "ada", name: { first: "Ada" } }],
    [staff, { username: "ab", name: { first: "A" } }],
    [staff, { username: "ada", name: {} }],
    [staff, { username: "ada", name: { first: "A" }, department: "hr" }],
    [staff, { username: "ada", name: { first: "A" }, newsletter: "yes" }],
    [staff, { username: "ada", name: { first: "A" }, tags: ["a", 3] }],
    [staff, { username: "ada", name: { first: "A" }, extra: 1 }],
    [staff, { username: "ada", name: { first: "A" }, phone: "+1 201 555 0123" }],
    [staff, { username: "ada", name: { first: "A" }, phone: "555" }],
    [quickstart, { email: "a@b.co" }],
    [quickstart, { email: "ab" }],
    [quickstart, {}],
  ];
  it.each(cases.map(([schema, data], i) => [i, schema, data] as const))("case %i", (_i, schema, data) => {
    const s = traitsFormSchema(schema)!;
    const a = ajv.validateFormData(data, s);
    const b = ours.validateFormData(data, s);
    expect(b.errors.length === 0).toBe(a.errors.length === 0);
    expect(fields(b.errors)).toEqual(fields(a.errors).map((p) => (p && !p.startsWith(".") ? `.${p}` : p)));
    expect(ours.isValid(s, data, s)).toBe(ajv.isValid(s, data, s));
  });

  it("puts messages in RJSF's error schema at the field", () => {
    const s = traitsFormSchema(staff)!;
    const { errorSchema } = ours.validateFormData({ username: "ab", name: {}, tags: [undefined] }, s);
    expect(errorSchema).toMatchObject({
      username: { __errors: ["Must be at least 3 characters"] },
      name: { first: { __errors: ["Required"] } },
      tags: { 0: { __errors: ["Enter a value or remove this row"] } },
    });
  });
});

describe("pruneTraits", () => {
  it("drops what empty inputs leave behind", () => {
    expect(
      pruneTraits({ a: "", b: undefined, name: { first: undefined }, tags: ["x", undefined, ""], n: 0, f: false }),
    ).toEqual({ tags: ["x"], n: 0, f: false });
    expect(pruneTraits(undefined)).toEqual({});
  });
});

describe("readableKratosReason", () => {
  const fields = describeSchema("staff", staff).fields;
  it("names fields by their titles and keeps Kratos's words", () => {
    expect(
      readableKratosReason(
        "I[#/traits/username] S[#/properties/traits/properties/username/minLength] length must be >= 3, but got 2",
        fields,
      ),
    ).toBe("Username: length must be >= 3, but got 2");
    expect(
      readableKratosReason('I[#/traits] S[#/properties/traits/required] missing properties: "username"', fields),
    ).toBe("Username: required");
    expect(
      readableKratosReason(
        [
          "I[#/traits] S[#/properties/traits] validation failed",
          '  I[#/traits/phone] S[#/properties/traits/properties/phone/format] "12" is not valid "tel"',
          "  I[#/traits/name/first] S[#/x/minLength] length must be >= 1, but got 0",
        ].join("\n"),
        fields,
      ),
    ).toBe('Phone: "12" is not valid "tel"; First name: length must be >= 1, but got 0');
  });
  it("leaves other reasons alone", () => {
    expect(readableKratosReason("Unable to find JSON Schema ID: nope", fields)).toBe(
      "Unable to find JSON Schema ID: nope",
    );
  });
});

describe("SchemaForm (Truss's RJSF theme)", () => {
  const render = (schema: Record<string, unknown>, initialData?: Record<string, unknown>) =>
    renderToStaticMarkup(
      createElement(SchemaForm, {
        schema: traitsFormSchema(schema)!,
        idPrefix: "t",
        initialData,
        onSubmit: () => undefined,
        children: createElement("button", { type: "submit" }, "Save"),
      }),
    );

  it("binds a label to every control, marks required ones and picks input types from formats", () => {
    const html = render(staff, { tags: ["a"] });
    for (const id of ["t_username", "t_phone", "t_name_first", "t_name_last", "t_department", "t_newsletter"])
      expect(html).toContain(`for="${id}"`);
    expect(html).toMatch(/<label for="t_username"[^>]*>Username<span aria-hidden="true"[^>]*>\*<\/span>/);
    expect(html).toMatch(/<input id="t_phone" type="tel"/);
    expect(html).toMatch(/<legend[^>]*>Name<span aria-hidden="true"/);
    expect(html).toMatch(/<select id="t_department"[\s\S]*?>engineering<\/option>/);
    expect(html).toContain('aria-label="Tags 1"');
    expect(html).toContain('aria-label="Remove Tags 1"');
    expect(html).toContain('aria-label="Add to Tags"');
    expect(render(quickstart)).toMatch(/<input id="t_email" type="email"/);
  });

  it("shows no message before a field was visited", () => {
    expect(render(staff, { username: "ab" })).not.toContain("at least 3 characters");
  });
});
