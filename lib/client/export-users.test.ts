import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { usersToCsv, usersToJson } from "@/lib/client/export-users";
import { parseImport, READ_ONLY_FIELDS, rowIdentifier } from "@/lib/client/import-rows";
import { describeSchema, type SchemaSummary } from "@/lib/identity-schema";
// The round trip crosses the wire: the server's own folding of CSV columns is half of it (a test, never shipped).
// eslint-disable-next-line no-restricted-imports
import { foldTraitColumns } from "@/lib/server/services/import-rows";
import { importRowSchema } from "@/lib/schemas/import";
import type { Identity } from "@/lib/schemas/identity";

const root = path.resolve(import.meta.dirname, "../..");
const readSchema = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));

// The e2e server's two schemas, plus one with numbers, nested objects and a camel-cased trait name.
const custom = {
  type: "object",
  properties: {
    traits: {
      type: "object",
      properties: {
        login: { type: "string", "ory.sh/kratos": { credentials: { password: { identifier: true } } } },
        homeTown: { type: "string" },
        age: { type: "integer" },
        score: { type: "number" },
        code: { type: "string" },
        address: { type: "object", properties: { city: { type: "string" }, zip: { type: "string" } } },
        scores: { type: "array", items: { type: "number" } },
      },
    },
  },
};
const schemas: Record<string, SchemaSummary> = {
  default: describeSchema("default", readSchema("deploy/kratos/identity.schema.json")),
  staff: describeSchema("staff", readSchema("deploy/kratos/schemas/username-phone.schema.json")),
  custom: describeSchema("custom", custom),
};

let n = 0;
function user(schema_id: string, traits: Record<string, unknown>, extra: Partial<Identity> = {}): Identity {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    email: null,
    name: null,
    display_name: "someone",
    identifiers: [],
    state: "active",
    is_admin: false,
    schema_id,
    traits,
    metadata_public: null,
    credential_types: ["password"],
    providers: [],
    verifiable_addresses: [],
    recovery_addresses: [],
    created_at: "2025-01-02T03:04:05Z",
    updated_at: "2025-01-02T03:04:05Z",
    state_changed_at: null,
    ...extra,
  };
}

const users: Identity[] = [
  user("default", { email: "ada@example.com", name: { first: "Ada", last: "Lovelace" } }, { is_admin: true }),
  user("default", { email: "solo@example.com" }, { state: "inactive", metadata_public: { plan: "pro" } }),
  user("staff", {
    username: "grace.h",
    phone: "+12015550150",
    name: { first: "Grace", last: 'Hopper, "Amazing"' },
    department: "engineering",
    newsletter: true,
    tags: ["navy", "cobol;compilers"],
  }),
  user("staff", { username: "lin", name: { first: "=SUM(A1)" }, newsletter: false, tags: [] }),
  user(
    "custom",
    {
      login: "-dash",
      homeTown: "Zürich\nOld Town",
      age: -5,
      score: 3.25,
      code: "007",
      address: { city: "@home", zip: "8001" },
      scores: [1, 2.5],
    },
    { providers: [{ provider: "github", subject: "12345" }] },
  ),
];

/** What the server does with a row before creating it: fold `traits.*` columns, then its strict row schema. */
function serverRow(row: Record<string, unknown>) {
  const schemaId = typeof row.schema_id === "string" ? row.schema_id : "default";
  const parsed = importRowSchema.safeParse(foldTraitColumns(row, schemas[schemaId]));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

describe("export → import round trip", () => {
  it("CSV: every row keeps its schema, state and exact traits; read-only columns are skipped, none unknown", () => {
    const csv = usersToCsv(users, Object.values(schemas));
    expect(csv.split("\r\n")[0]).toBe(
      "id,schema_id,state,traits.email,traits.name.first,traits.name.last,traits.username,traits.phone," +
        "traits.department,traits.newsletter,traits.tags,traits.login,traits.homeTown,traits.age,traits.score," +
        "traits.code,traits.address.city,traits.address.zip,traits.scores," +
        "display_name,is_admin,created_at,updated_at,credential_types,providers,metadata_public",
    );
    const parsed = parseImport(csv);
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.readOnlyColumns.sort()).toEqual(
      [
        "id",
        "display_name",
        "is_admin",
        "created_at",
        "updated_at",
        "credential_types",
        "providers",
        "metadata_public",
      ].sort(),
    );
    expect(parsed.rows).toHaveLength(users.length);
    parsed.rows.forEach((row, i) => {
      const u = users[i]!;
      for (const k of READ_ONLY_FIELDS) expect(row).not.toHaveProperty(k);
      const out = serverRow(row);
      expect(out.schema_id).toBe(u.schema_id);
      expect(out.state).toBe(u.state);
      expect(out.traits).toEqual(u.traits);
      expect(out.email).toBeUndefined();
      expect(out.providers).toBeUndefined();
    });
  });

  it("JSON: objects go back as they are (traits untouched, social links kept), read-only keys skipped", () => {
    const parsed = parseImport(usersToJson(users));
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.readOnlyColumns).toEqual(
      expect.arrayContaining(["id", "display_name", "is_admin", "created_at", "metadata_public"]),
    );
    parsed.rows.forEach((row, i) => {
      const u = users[i]!;
      expect(row.traits).toEqual(u.traits);
      const out = serverRow(row);
      expect({ schema_id: out.schema_id, state: out.state, traits: out.traits }).toEqual({
        schema_id: u.schema_id,
        state: u.state,
        traits: u.traits,
      });
      expect(out.providers ?? []).toEqual(u.providers);
    });
  });
});

describe("parseImport", () => {
  it("keeps the seed form and the legacy email columns", () => {
    const seed = parseImport('{"users":[{"email":"a@x.io","password":"correct-horse-42","name":"Ann"}]}');
    expect(seed).toEqual({
      rows: [{ email: "a@x.io", password: "correct-horse-42", name: "Ann" }],
      ignoredColumns: [],
      readOnlyColumns: [],
    });
    const csv = parseImport("Email,Password,Name,State\nb@x.io,correct-horse-42,Bo,inactive\n");
    expect(csv.rows).toEqual([{ email: "b@x.io", password: "correct-horse-42", name: "Bo", state: "inactive" }]);
  });

  it("keeps schema_id and traits.* columns (trait names keep their case), ignores unknown ones", () => {
    const p = parseImport(
      "Schema_ID,Traits.homeTown,traits.username,nickname,created_at,password\nstaff,Bern,ann,Annie,2020-01-01,'-kept\n",
    );
    expect(p.rows).toEqual([
      { schema_id: "staff", "traits.homeTown": "Bern", "traits.username": "ann", password: "'-kept" },
    ]);
    expect(p.ignoredColumns).toEqual(["nickname"]);
    expect(p.readOnlyColumns).toEqual(["created_at"]);
  });

  it("drops null JSON values and reports Kratos's own identity keys", () => {
    const p = parseImport(
      JSON.stringify([
        { id: "x", schema_url: "u", email: null, name: null, traits: { username: "kim" }, credentials: {} },
      ]),
    );
    expect(p.rows).toEqual([{ traits: { username: "kim" } }]);
    expect(p.ignoredColumns).toEqual(["credentials"]);
    expect(p.readOnlyColumns).toEqual(["id", "schema_url"]);
  });

  it("names a row by its likely identifier", () => {
    expect(rowIdentifier({ "traits.username": "ann", "traits.name.first": "Ann" })).toBe("ann");
    expect(rowIdentifier({ traits: { phone: "+12015550151" } })).toBe("+12015550151");
    expect(rowIdentifier({ email: "a@x.io", traits: { username: "ann" } })).toBe("a@x.io");
    expect(rowIdentifier({ traits: { name: { first: "Ann" } } })).toBe("Ann");
    expect(rowIdentifier({ password: "x" })).toBeNull();
  });
});
