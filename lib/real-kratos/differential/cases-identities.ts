import type { Case } from "./case";
import { PASSWORD, byEmail, emailFor, seedIdentity } from "./helpers";

const create = (body: Record<string, unknown>) => ({ createIdentityBody: { schema_id: "default", ...body } as never });

/** Identity create, get, update, delete and their error cases. */
export const identityCases: Case[] = [
  {
    name: "createIdentity: minimal, then getIdentity",
    run: async (t, r) => {
      const made = await r.sdk(
        "create",
        t.identity.createIdentity(create({ traits: { email: emailFor("create-min") } })),
      );
      await r.sdk("get", t.identity.getIdentity({ id: made?.id ?? "" }));
    },
  },
  {
    name: "createIdentity: everything set",
    run: async (t, r) => {
      await r.sdk(
        "create",
        t.identity.createIdentity(
          create({
            traits: { email: "Create-Full@Diff.TEST", name: { first: "Ada", last: "Lovelace" } },
            state: "inactive",
            metadata_public: { plan: "pro" },
            metadata_admin: { note: "vip" },
            external_id: "ext-create-full",
            verifiable_addresses: [
              { value: "create-full@diff.test", via: "email", verified: true, status: "completed" },
            ],
            credentials: {
              password: { config: { password: PASSWORD } },
              oidc: { config: { providers: [{ provider: "github", subject: "42" }] } },
            },
          }),
        ),
      );
    },
  },
  {
    name: "createIdentity: duplicate identifier and external_id",
    run: async (t, r) => {
      await seedIdentity(t, emailFor("dup"));
      await r.sdk("same email", t.identity.createIdentity(create({ traits: { email: emailFor("dup") } })));
      await r.sdk(
        "first ext",
        t.identity.createIdentity(create({ traits: { email: emailFor("dup", 1) }, external_id: "ext-dup" })),
      );
      await r.sdk(
        "same ext",
        t.identity.createIdentity(create({ traits: { email: emailFor("dup", 2) }, external_id: "ext-dup" })),
      );
    },
  },
  {
    name: "createIdentity: trait validation (missing, type, extra, short)",
    run: async (t, r) => {
      await r.sdk("missing email", t.identity.createIdentity(create({ traits: {} })));
      await r.sdk("number email", t.identity.createIdentity(create({ traits: { email: 42 } })));
      await r.sdk("extra trait", t.identity.createIdentity(create({ traits: { email: emailFor("extra"), age: 3 } })));
      await r.sdk("too short", t.identity.createIdentity(create({ traits: { email: "a@" } })));
      await r.sdk("null traits", t.identity.createIdentity(create({ traits: null })));
    },
  },
  ...[
    "plain",
    "no-at.diff.test",
    "two@@diff.test",
    "with space@diff.test",
    "Name <named@diff.test>",
    "dotless@localhost",
    "trailing-dot@diff.test.",
    "a@b",
  ].map((email, i): Case => ({
    name: `createIdentity: email format "${email}"`,
    run: async (t, r) =>
      void (await r.sdk(
        "create",
        t.identity.createIdentity(create({ traits: { email: email === "plain" ? emailFor("fmt", i) : email } })),
      )),
  })),
  {
    name: "createIdentity: strict body, unknown schema, bad state",
    run: async (t, r) => {
      await r.sdk(
        "unknown field",
        t.identity.createIdentity(create({ traits: { email: emailFor("strict") }, schema_url: "x" })),
      );
      await r.sdk(
        "unknown schema",
        t.identity.createIdentity(create({ traits: { email: emailFor("strict", 1) }, schema_id: "nope" })),
      );
      await r.sdk(
        "bad state",
        t.identity.createIdentity(create({ traits: { email: emailFor("strict", 2) }, state: "paused" })),
      );
      await r.http("empty body", "POST", "admin:/admin/identities", {
        headers: { "Content-Type": "application/json" },
      });
    },
  },
  {
    name: "createIdentity and listIdentities: organization_id",
    run: async (t, r) => {
      await r.sdk(
        "with org",
        t.identity.createIdentity(
          create({ traits: { email: emailFor("org") }, organization_id: "4e4b1fc0-6a0c-4a7e-8f57-0b7d8b0b3a10" }),
        ),
      );
      await r.sdk(
        "null org",
        t.identity.createIdentity(create({ traits: { email: emailFor("org", 1) }, organization_id: null })),
      );
      await r.sdk("filter", t.identity.listIdentities({ organizationId: "4e4b1fc0-6a0c-4a7e-8f57-0b7d8b0b3a10" }));
    },
  },
  {
    name: "getIdentity: include_credential, unknown, malformed",
    run: async (t, r) => {
      const id = await seedIdentity(t, emailFor("get"), { oidc: [{ provider: "google", subject: "g-1" }] });
      await r.sdk("password+oidc", t.identity.getIdentity({ id, includeCredential: ["password", "oidc"] }));
      await r.sdk("bad type", t.identity.getIdentity({ id, includeCredential: ["bogus" as never] }));
      await r.sdk("unknown", t.identity.getIdentity({ id: "00000000-0000-4000-8000-000000000003" }));
      await r.sdk("malformed", t.identity.getIdentity({ id: "not-a-uuid" }));
    },
  },
  {
    name: "updateIdentity: replaces traits, metadata, password",
    run: async (t, r) => {
      const id = await seedIdentity(t, emailFor("put"));
      await t.identity.patchIdentity({ id, jsonPatch: [{ op: "add", path: "/metadata_admin", value: { a: 1 } }] });
      await r.sdk(
        "put",
        t.identity.updateIdentity({
          id,
          updateIdentityBody: {
            schema_id: "default",
            state: "inactive",
            traits: { email: emailFor("put", 1), name: { first: "B" } },
            metadata_public: { p: 1 },
            credentials: { password: { config: { password: "Another-pass-2" } } },
          },
        }),
      );
      await r.sdk("get", t.identity.getIdentity({ id, includeCredential: ["password"] }));
    },
  },
  {
    name: "updateIdentity: unknown, conflict, invalid traits",
    run: async (t, r) => {
      const id = await seedIdentity(t, emailFor("put-err"));
      await seedIdentity(t, emailFor("put-err", 1));
      const body = (email: unknown) => ({ schema_id: "default", state: "active", traits: { email } }) as never;
      await r.sdk(
        "unknown",
        t.identity.updateIdentity({
          id: "00000000-0000-4000-8000-000000000004",
          updateIdentityBody: body(emailFor("put-err", 2)),
        }),
      );
      await r.sdk("conflict", t.identity.updateIdentity({ id, updateIdentityBody: body(emailFor("put-err", 1)) }));
      await r.sdk("invalid", t.identity.updateIdentity({ id, updateIdentityBody: body(7) }));
    },
  },
  {
    name: "deleteIdentity (then again)",
    run: async (t, r) => {
      const id = await seedIdentity(t, emailFor("delete"));
      await r.sdk("delete", t.identity.deleteIdentity({ id }));
      await r.sdk("again", t.identity.deleteIdentity({ id }));
      await r.sdk("malformed", t.identity.deleteIdentity({ id: "nope" }));
    },
  },
  {
    name: "listIdentities: credentials_identifier, ids, similar",
    run: async (t, r) => {
      const a = await seedIdentity(t, emailFor("list-f"));
      const b = await seedIdentity(t, emailFor("list-f", 1));
      await r.sdk("identifier", t.identity.listIdentities({ credentialsIdentifier: emailFor("list-f").toUpperCase() }));
      await r.sdk("ids", t.identity.listIdentities({ ids: [a, b] }), byEmail);
      await r.sdk("similar", t.identity.listIdentities({ previewCredentialsIdentifierSimilar: "list-f" }), byEmail);
      await r.sdk("combined", t.identity.listIdentities({ ids: [a], credentialsIdentifier: emailFor("list-f") }));
      await r.sdk("bad id", t.identity.listIdentities({ ids: ["nope"] }));
      await r.sdk(
        "oidc identifier",
        t.identity.listIdentities({ credentialsIdentifier: "nobody:none", includeCredential: ["oidc"] }),
      );
    },
  },
];
