import { hashSync } from "@node-rs/bcrypt";
import { hash as argon2Hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, startTestKratos, uniqueEmail, type TestKratos } from "@/lib/testing/embedded-kratos";

let t: TestKratos;
beforeAll(async () => {
  t = await startTestKratos();
});
afterAll(async () => t.stop());

const create = (body: Record<string, unknown>) =>
  t.identity.createIdentity({ createIdentityBody: { schema_id: "default", traits: {}, ...body } });

async function canLogin(identifier: string, password: string): Promise<boolean> {
  const flow = await t.frontend.createNativeLoginFlow();
  try {
    await t.frontend.updateLoginFlow({
      flow: flow.data.id,
      updateLoginFlowBody: { method: "password", identifier, password },
    });
    return true;
  } catch {
    return false;
  }
}

const rawAdmin = (path: string, init: RequestInit = {}) =>
  fetch(`${t.kratos.adminUrl}${path}`, { ...init, headers: { "Content-Type": "application/json", ...init.headers } });

describe("identities CRUD", () => {
  it("creates with 201 + Location and the §3.9 shape", async () => {
    const email = uniqueEmail();
    const res = await create({ traits: { email: email.toUpperCase() }, metadata_public: { a: 1 } });
    expect(res.status).toBe(201);
    const id = res.data.id;
    expect(res.headers.location).toBe(`${t.kratos.adminUrl}/identities/${id}`);
    expect(res.data).toMatchObject({
      schema_id: "default",
      schema_url: `${t.kratos.publicUrl}/schemas/ZGVmYXVsdA`,
      state: "active",
      metadata_public: { a: 1 },
      organization_id: null,
    });
    expect(res.data).not.toHaveProperty("external_id");
    expect(res.data.credentials?.password).toMatchObject({ type: "password", identifiers: [email], version: 0 });
    expect(res.data.credentials?.password).not.toHaveProperty("config");
    expect(res.data.verifiable_addresses?.[0]).toMatchObject({
      value: email,
      verified: false,
      via: "email",
      status: "pending",
    });
    expect(res.data.recovery_addresses?.[0]).toMatchObject({ value: email, via: "email" });
    expect(res.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
  });

  it("rejects bad bodies with Kratos's errors", async () => {
    const unknownField = await rawAdmin("/admin/identities", {
      method: "POST",
      body: JSON.stringify({ traits: { email: uniqueEmail() }, schema_url: "x" }),
    });
    expect(unknownField.status).toBe(400);
    expect(((await unknownField.json()) as { error: { message: string } }).error.message).toBe(
      'json: unknown field "schema_url"',
    );
    const state = await failure(create({ traits: { email: uniqueEmail() }, state: "bogus" }));
    expect(state.status).toBe(400);
    expect(state.data.error.reason).toBe("identity state is not valid");
    const schema = await failure(create({ schema_id: "nope", traits: { email: uniqueEmail() } }));
    expect(schema.data.error.reason).toBe("Unable to find JSON Schema ID: nope");
    const missing = await failure(create({ traits: {} }));
    expect(missing.data.error).toEqual({
      code: 400,
      status: "Bad Request",
      reason: 'I[#/traits] S[#/properties/traits/required] missing properties: "email"',
      message: "The request was malformed or contained invalid parameters",
    });
    const type = await failure(create({ traits: { email: 5 } }));
    expect(type.data.error.reason).toBe(
      "I[#/traits/email] S[#/properties/traits/properties/email/type] expected string, but got number",
    );
    const extra = await failure(create({ traits: { email: uniqueEmail(), bar: 1 } }));
    expect(extra.data.error.reason).toBe(
      'I[#/traits] S[#/properties/traits/additionalProperties] additionalProperties "bar" not allowed',
    );
    const format = await failure(create({ traits: { email: "not-an-email" } }));
    expect(format.data.error.reason).toContain('is not valid "email"');
    const hashFmt = await failure(
      create({
        traits: { email: uniqueEmail() },
        credentials: { password: { config: { hashed_password: "$md4$abc" } } },
      }),
    );
    expect(hashFmt.data.error.reason).toBe(
      "The imported password does not match any known hash format. For more information see https://www.ory.sh/dr/2",
    );
    const tooLong = await failure(
      create({ traits: { email: uniqueEmail() }, credentials: { password: { config: { password: "x".repeat(73) } } } }),
    );
    expect(tooLong.status).toBe(500); // what Kratos v26.2.0 answers (differential suite)
    const malformed = await rawAdmin("/admin/identities", { method: "POST", body: "{nope" });
    expect(malformed.status).toBe(400);
  });

  it("detects duplicates by derived identifier (even without a password) and external_id", async () => {
    const email = uniqueEmail();
    await create({ traits: { email }, external_id: `ext-${email}` });
    const dup = await failure(create({ traits: { email: email.toUpperCase() } }));
    expect(dup.status).toBe(409);
    expect(dup.data).toEqual({
      error: {
        code: 409,
        status: "Conflict",
        reason: "This identity conflicts with another identity that already exists.",
        message: "The resource could not be created due to a conflict",
      },
    });
    const ext = await failure(create({ traits: { email: uniqueEmail() }, external_id: `ext-${email}` }));
    expect(ext.status).toBe(409);
    const byExt = await t.identity.getIdentityByExternalID({ externalID: `ext-${email}` });
    expect(byExt.data.traits).toEqual({ email });
  });

  it("imports bcrypt ($2y$) and argon2id hashes, and plaintext", async () => {
    const a = uniqueEmail();
    const b = uniqueEmail();
    const c = uniqueEmail();
    const bcrypt = hashSync("pw-bcrypt", 4).replace(/^\$2b\$/, "$2y$");
    const argon = await argon2Hash("pw-argon", { memoryCost: 1024, timeCost: 1 });
    await create({ traits: { email: a }, credentials: { password: { config: { hashed_password: bcrypt } } } });
    const argonIdentity = await create({
      traits: { email: b },
      credentials: { password: { config: { hashed_password: argon } } },
    });
    const plain = await create({
      traits: { email: c },
      credentials: { password: { config: { password: "pw-plain" } } },
    });
    expect(await canLogin(a, "pw-bcrypt")).toBe(true);
    expect(await canLogin(b, "pw-argon")).toBe(true);
    expect(await canLogin(c, "pw-plain")).toBe(true);
    const rehashed = await t.identity.getIdentity({ id: argonIdentity.data.id, includeCredential: ["password"] });
    expect((rehashed.data.credentials?.password?.config as { hashed_password: string }).hashed_password).toMatch(
      /^\$2a\$04\$/,
    );
    const withConfig = await t.identity.getIdentity({ id: plain.data.id, includeCredential: ["password"] });
    expect(withConfig.data.credentials?.password?.config).toEqual({
      hashed_password: expect.stringMatching(/^\$2a\$04\$/) as string,
    });
    // Kratos v26.2.0 checks the prefix only: no cost bounds on import.
    const costly = await create({
      traits: { email: uniqueEmail() },
      credentials: { password: { config: { hashed_password: hashSync("x", 4).replace("$04$", "$16$") } } },
    });
    expect(costly.status).toBe(201);
  });

  it("answers 404 with the sqlcon envelope for missing or unparseable ids", async () => {
    for (const id of [crypto.randomUUID(), "not-a-uuid"]) {
      const res = await failure(t.identity.getIdentity({ id }));
      expect(res.status).toBe(404);
      expect(res.data).toEqual({ error: { code: 404, status: "Not Found", message: "Unable to locate the resource" } });
    }
    expect((await failure(t.identity.deleteIdentity({ id: crypto.randomUUID() }))).status).toBe(404);
    const bad = await failure(
      t.identity.getIdentity({ id: crypto.randomUUID(), includeCredential: ["nope" as "password"] }),
    );
    expect(bad.status).toBe(400);
  });

  it("updates with PUT: metadata replaced, password replaced, state_changed_at, 409 on duplicate", async () => {
    const email = uniqueEmail();
    const other = uniqueEmail();
    await create({ traits: { email: other } });
    const { data: created } = await create({
      traits: { email },
      metadata_admin: { note: 1 },
      metadata_public: { p: 1 },
    });
    const { data: updated } = await t.identity.updateIdentity({
      id: created.id,
      updateIdentityBody: {
        schema_id: "default",
        traits: { email },
        state: "inactive",
        metadata_public: { p: 2 },
        credentials: { password: { config: { password: "new-pass" } } },
      },
    });
    expect(updated.metadata_public).toEqual({ p: 2 });
    expect(updated.metadata_admin).toBeUndefined(); // PUT echoes an omitted metadata_admin as absent
    expect(updated.state).toBe("inactive");
    expect(updated.state_changed_at).not.toBe(created.state_changed_at);
    await t.identity.updateIdentity({
      id: created.id,
      updateIdentityBody: { schema_id: "default", traits: { email }, state: "active" },
    });
    expect(await canLogin(email, "new-pass")).toBe(true);
    const dup = await failure(
      t.identity.updateIdentity({
        id: created.id,
        updateIdentityBody: { schema_id: "default", traits: { email: other }, state: "active" },
      }),
    );
    expect(dup.status).toBe(409);
    expect(dup.data.error).toEqual({
      code: 409,
      status: "Conflict",
      message: "Unable to insert or update resource because a resource with that value exists already",
    });
    expect(
      (
        await failure(
          t.identity.updateIdentity({
            id: crypto.randomUUID(),
            updateIdentityBody: { schema_id: "default", traits: { email }, state: "active" },
          }),
        )
      ).status,
    ).toBe(404);
  });

  it("patches with JSON Patch, enforcing the deny-list", async () => {
    const email = uniqueEmail();
    const next = uniqueEmail();
    const { data } = await create({ traits: { email }, metadata_public: { tags: ["a"] } });
    const patched = await t.identity.patchIdentity({
      id: data.id,
      jsonPatch: [
        { op: "replace", path: "/traits/email", value: next },
        { op: "add", path: "/metadata_public/tags/-", value: "b" },
        { op: "add", path: "/metadata_admin/tags", value: ["a", "b"] },
      ],
    });
    expect(patched.data.traits).toEqual({ email: next });
    expect(patched.data.metadata_admin).toEqual({ tags: ["a", "b"] });
    expect(patched.data.credentials?.password?.identifiers).toEqual([next]);
    const denied = await failure(
      t.identity.patchIdentity({ id: data.id, jsonPatch: [{ op: "remove", path: "/credentials" }] }),
    );
    expect(denied.data.error.message).toBe("patch includes denied path: /credentials");
    const state = await failure(
      t.identity.patchIdentity({ id: data.id, jsonPatch: [{ op: "replace", path: "/state", value: "x" }] }),
    );
    expect(state.data.error.reason).toBe(
      "The supplied state ('x') was not valid. Valid states are ('active', 'inactive').",
    );
    const empty = await rawAdmin(`/admin/identities/${data.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json-patch+json" },
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe("invalid state detected");
    const move = await failure(
      t.identity.patchIdentity({ id: data.id, jsonPatch: [{ op: "move", from: "/traits", path: "/metadata_public" }] }),
    );
    expect(move.data.error.message).toBe("unsupported operation: move");
    const hashed = hashSync("patched-pw", 4);
    await rawAdmin(`/admin/identities/${data.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json-patch+json" },
      body: JSON.stringify([{ op: "add", path: "/credentials/password/config/hashed_password", value: hashed }]),
    });
    expect(await canLogin(next, "patched-pw")).toBe(true);
  });

  it("stores oidc credentials, finds them, and guards the last first factor", async () => {
    const email = uniqueEmail();
    const { data } = await create({
      traits: { email },
      credentials: {
        password: { config: { password: "pw-123456" } },
        oidc: { config: { providers: [{ provider: "google", subject: "sub-1" }] } },
      },
    });
    expect(data.credentials?.oidc?.identifiers).toEqual(["google:sub-1"]);
    const found = await t.identity.listIdentities({ credentialsIdentifier: "google:sub-1" });
    expect(found.data.map((i) => i.id)).toEqual([data.id]);
    const noIdent = await failure(t.identity.deleteIdentityCredentials({ id: data.id, type: "oidc" }));
    expect(noIdent.status).toBe(400);
    expect(
      (await t.identity.deleteIdentityCredentials({ id: data.id, type: "oidc", identifier: "google:sub-1" })).status,
    ).toBe(204);
    const last = await failure(t.identity.deleteIdentityCredentials({ id: data.id, type: "password" }));
    expect(last.data.error.reason).toBe("You cannot remove the last first factor credential.");
    const { data: updated } = await t.identity.updateIdentity({
      id: data.id,
      updateIdentityBody: {
        schema_id: "default",
        traits: { email },
        state: "active",
        credentials: { oidc: { config: { providers: [{ provider: "github", subject: "9" }] } } },
      },
    });
    expect(updated.credentials?.oidc?.identifiers).toEqual(["github:9"]);
    expect((await t.identity.deleteIdentity({ id: data.id })).status).toBe(204);
    expect((await failure(t.identity.getIdentity({ id: data.id }))).status).toBe(404);
  });
});
