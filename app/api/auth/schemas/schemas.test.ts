import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";
import { userLogin } from "@/lib/testing/users";

// Two schemas side by side: Kratos's email quickstart ("default") and a username + phone schema with a nested name,
// an enum, a boolean and an array ("staff"), which has no email trait anywhere. Runs on the embedded and real Kratos.
const deploy = path.resolve(import.meta.dirname, "../../../../deploy/kratos");
const h: Harness = await startHarness({
  KRATOS_IDENTITY_SCHEMA_FILE: `default=${deploy}/identity.schema.json,staff=${deploy}/schemas/username-phone.schema.json`,
});
const schemas = await import("@/app/api/auth/schemas/route");
const schema = await import("@/app/api/auth/schemas/[id]/route");
const identities = await import("@/app/api/auth/identities/route");
const one = await import("@/app/api/auth/identities/[id]/route");
const promote = await import("@/app/api/auth/identities/[id]/admin/route");
const importRoute = await import("@/app/api/auth/users/import/route");
const login = await import("@/app/api/auth/login/route");
const keys = await import("@/app/api/keys/route");
const v1List = await import("@/app/v1/auth/identities/route");
const v1Schemas = await import("@/app/v1/auth/schemas/route");

let cookie = "";
beforeAll(async () => {
  cookie = await bootAndSignIn();
});
afterAll(() => h.close());

type Ident = {
  id: string;
  schema_id: string;
  email: string | null;
  name: string | null;
  display_name: string;
  identifiers: { kind: string; value: string }[];
  traits: Record<string, unknown>;
};
type Info = { id: string; is_default: boolean; identifiers: { path: string; kind: string }[]; name_from: string[] };
const run = Date.now().toString(36);
const PASSWORD = "Staff-member-pass-9";
const phone = (n: number) => `+1201555${String(100 + n).padStart(4, "0")}`; // libphonenumber's US example range

const post = (handler: typeof identities.POST, url: string, body: unknown, headers = { cookie }) =>
  call(handler, url, { method: "POST", body, headers });

describe("identity schemas", () => {
  it("lists every schema with its identifiers, name traits and raw JSON; one is the default", async () => {
    const r = await call(schemas.GET, "/api/auth/schemas", { headers: { cookie } });
    expect(r.status).toBe(200);
    const items = (r.body as { items: (Info & { schema: object })[] }).items;
    const byId = new Map(items.map((i) => [i.id, i]));
    expect([...byId.keys()].sort()).toEqual(["default", "staff"]);
    expect(byId.get("default")).toMatchObject({ is_default: true, identifiers: [{ path: "email", kind: "email" }] });
    expect(byId.get("staff")).toMatchObject({
      is_default: false,
      identifiers: [
        { path: "username", kind: "username" },
        { path: "phone", kind: "phone" },
      ],
      name_from: ["name.first", "name.last"],
    });
    expect(byId.get("staff")!.schema).toHaveProperty("properties.traits.properties.department.enum");
    const single = await call(schema.GET, "/api/auth/schemas/staff", { headers: { cookie }, params: { id: "staff" } });
    expect((single.body as Info).identifiers).toHaveLength(2);
    const missing = await call(schema.GET, "/api/auth/schemas/nope", { headers: { cookie }, params: { id: "nope" } });
    expect(missing.status).toBe(404);
  });

  it("creates a user of a non-email schema from traits, names it and lists its identifiers", async () => {
    const r = await post(identities.POST, "/api/auth/identities", {
      schema_id: "staff",
      traits: {
        username: `ada-${run}`,
        phone: phone(1),
        name: { first: "Ada", last: "Lovelace" },
        department: "engineering",
      },
      password: PASSWORD,
    });
    expect(r.status).toBe(201);
    const u = r.body as Ident;
    expect(u).toMatchObject({ schema_id: "staff", email: null, name: "Ada Lovelace", display_name: "Ada Lovelace" });
    expect(u.identifiers).toEqual([
      { kind: "username", value: `ada-${run}` },
      { kind: "phone", value: phone(1) },
    ]);
  });

  it("passes Kratos's validation reason through, and refuses a shortcut the schema has no place for", async () => {
    const bad = await post(identities.POST, "/api/auth/identities", {
      schema_id: "staff",
      traits: { username: `x-${run}`, name: { first: "X" }, department: "marketing" },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/department/);
    const noEmail = await post(identities.POST, "/api/auth/identities", {
      schema_id: "staff",
      email: "someone@example.test",
    });
    expect(noEmail.status).toBe(400);
    expect((noEmail.body as { error: { message: string } }).error.message).toMatch(/no trait for an email/);
  });

  it("searches by username and by phone, and filters by schema", async () => {
    const byName = await call(identities.GET, `/api/auth/identities?search=ada-${run}`, { headers: { cookie } });
    expect((byName.body as { items: Ident[] }).items.map((i) => i.display_name)).toEqual(["Ada Lovelace"]);
    const byPhone = await call(identities.GET, `/api/auth/identities?search=${encodeURIComponent(phone(1))}`, {
      headers: { cookie },
    });
    expect((byPhone.body as { items: Ident[] }).items.map((i) => i.display_name)).toEqual(["Ada Lovelace"]);
    const staff = await call(identities.GET, "/api/auth/identities?schema_id=staff&page_size=100", {
      headers: { cookie },
    });
    const items = (staff.body as { items: Ident[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.schema_id === "staff")).toBe(true);
  });

  it("edits traits (replacing them) and the name shortcut writes the schema's name parts", async () => {
    const list = await call(identities.GET, `/api/auth/identities?search=ada-${run}`, { headers: { cookie } });
    const ada = (list.body as { items: Ident[] }).items[0]!;
    const url = `/api/auth/identities/${ada.id}`;
    const params = { id: ada.id };
    const renamed = await call(one.PATCH, url, {
      method: "PATCH",
      body: { name: "Ada King Lovelace" },
      headers: { cookie },
      params,
    });
    expect(renamed.status).toBe(200);
    expect((renamed.body as Ident).traits.name).toEqual({ first: "Ada", last: "King Lovelace" });
    const traits = { username: `ada-${run}`, name: { first: "Ada" }, newsletter: true, tags: ["math", "engines"] };
    const replaced = await call(one.PATCH, url, { method: "PATCH", body: { traits }, headers: { cookie }, params });
    expect(replaced.status).toBe(200);
    expect((replaced.body as Ident).traits).toEqual(traits); // phone and department are gone: a replacement
    expect((replaced.body as Ident).identifiers).toEqual([{ kind: "username", value: `ada-${run}` }]);
  });

  it("imports CSV-shaped rows with traits.* columns for any schema: preview, conflicts, then the real thing", async () => {
    const row = (n: number, extra: Record<string, string> = {}) => ({
      schema_id: "staff",
      "traits.username": `imp${n}-${run}`,
      "traits.phone": phone(10 + n),
      "traits.name.first": `Imp${n}`,
      "traits.name.last": "",
      "traits.newsletter": "true",
      "traits.tags": "a;b",
      password: PASSWORD,
      ...extra,
    });
    const users = [
      row(1),
      row(2, { "traits.department": "marketing" }),
      row(3, { "traits.username": `imp1-${run}` }),
      row(4, { "traits.username": `ada-${run}` }),
      { email: `mail-${run}@example.test`, name: "Mail User" },
    ];
    const dry = await post(importRoute.POST, "/api/auth/users/import?dry_run=true", { users });
    expect(dry.status).toBe(200);
    const results = (
      dry.body as { results: { status: string; identifier: string | null; error?: { id: string; message: string } }[] }
    ).results;
    expect(results.map((r) => r.status)).toEqual(["valid", "error", "error", "error", "valid"]);
    expect(results[1]!.error!.message).toMatch(/traits\.department/);
    expect(results[2]!.error).toMatchObject({
      id: "conflict",
      message: expect.stringMatching(/Duplicate of row 1 /) as unknown,
    });
    expect(results[3]!.error).toMatchObject({
      id: "conflict",
      message: expect.stringMatching(/already exists/) as unknown,
    });
    expect(results[0]!.identifier).toBe(`imp1-${run}`);

    const real = await post(importRoute.POST, "/api/auth/users/import", { users: [row(1), users[4]] });
    expect((real.body as { summary: { created: number } }).summary.created).toBe(2);
    const found = await call(identities.GET, `/api/auth/identities?search=imp1-${run}`, { headers: { cookie } });
    const imported = (found.body as { items: Ident[] }).items[0]!;
    expect(imported.traits).toEqual({
      username: `imp1-${run}`,
      phone: phone(11),
      name: { first: "Imp1" },
      newsletter: true,
      tags: ["a", "b"],
    });
  });

  it("signs an admin in with a username", async () => {
    const list = await call(identities.GET, `/api/auth/identities?search=imp1-${run}`, { headers: { cookie } });
    const id = (list.body as { items: Ident[] }).items[0]!.id;
    const p = await call(promote.POST, `/api/auth/identities/${id}/admin`, {
      method: "POST",
      headers: { cookie },
      params: { id },
    });
    expect(p.status).toBe(200);
    const r = await post(
      login.POST,
      "/api/auth/login",
      { identifier: `imp1-${run}`, password: PASSWORD },
      { cookie: "" },
    );
    expect(r.status).toBe(200);
    expect(await userLogin(h, phone(11), PASSWORD)).toMatch(/^ory_st_/); // the phone signs in too (end-user flow)
  });

  it("/v1 creates with schema_id and traits, lists display names, and lists schemas", async () => {
    const k = await post(keys.POST, "/api/keys", { key_type: "service_role", label: "schemas" });
    const apikey = (k.body as { secret: string }).secret;
    const created = await post(
      v1List.POST,
      "/v1/auth/identities",
      { schema_id: "staff", traits: { username: `v1-${run}`, name: { first: "Vee" } } },
      { apikey } as never,
    );
    expect(created.status).toBe(201);
    expect((created.body as Ident).display_name).toBe("Vee");
    const s = await call(v1Schemas.GET, "/v1/auth/schemas", { headers: { apikey } });
    expect((s.body as { items: Info[] }).items.map((i) => i.id).sort()).toEqual(["default", "staff"]);
  });
});
