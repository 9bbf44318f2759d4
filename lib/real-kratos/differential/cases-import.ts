import type { Case } from "./case";
import { byEmail, emailFor, seedIdentity } from "./helpers";
import { IMPORTED_PASSWORD, importedHashes } from "./samples";

const patchId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const item = (n: number, create: Record<string, unknown> | null) => ({
  patch_id: patchId(n),
  create: create && { schema_id: "default", ...create },
});

/** Batch import and imported password hashes (each format, then a login with it). */
export const importCases: Case[] = [
  {
    name: "batchPatchIdentities: mixed results stay per item",
    run: async (t, r) => {
      await seedIdentity(t, emailFor("batch-taken"));
      const identities = [
        item(1, {
          traits: { email: emailFor("batch", 1) },
          credentials: { password: { config: { password: "Batch-pass-1" } } },
        }),
        item(2, { traits: { email: emailFor("batch-taken") } }),
        item(3, { traits: { email: emailFor("batch", 3) } }),
        item(4, { traits: { email: emailFor("batch", 3) } }),
        item(5, { traits: { email: 5 } }),
        item(6, { traits: { email: emailFor("batch", 6) }, schema_id: "nope" }),
        item(7, null),
      ];
      await r.sdk("batch", t.identity.batchPatchIdentities({ patchIdentitiesBody: { identities } as never }));
      await r.sdk("created", t.identity.listIdentities({ previewCredentialsIdentifierSimilar: "batch-" }), byEmail);
    },
  },
  {
    name: "batchPatchIdentities: whole-request errors",
    run: async (t, r) => {
      const send = (step: string, identities: unknown) =>
        r.sdk(step, t.identity.batchPatchIdentities({ patchIdentitiesBody: { identities } as never }));
      await send("bad state", [item(1, { traits: { email: emailFor("batch-bad", 1) }, state: "paused" })]);
      await send("bad patch_id", [
        { patch_id: "nope", create: { schema_id: "default", traits: { email: emailFor("batch-bad", 2) } } },
      ]);
      await send("unknown field", [
        { create: { schema_id: "default", traits: { email: emailFor("batch-bad", 3) }, nope: 1 } },
      ]);
      await send("empty list", []);
      await send(
        "too many",
        Array.from({ length: 1001 }, (_, i) => item(i, { traits: { email: emailFor("batch-many", i) } })),
      );
    },
  },
  {
    name: "batchPatchIdentities: one row per imported hash format (none fails the batch)",
    run: async (t, r) => {
      const hashes = Object.entries(importedHashes());
      const identities = hashes.map(([fmt, hashed], i) =>
        item(100 + i, {
          traits: { email: emailFor(`batch-hash-${fmt}`) },
          credentials: { password: { config: { hashed_password: hashed } } },
        }),
      );
      identities.push(
        item(99, {
          traits: { email: emailFor("batch-hash-unknown") },
          credentials: { password: { config: { hashed_password: "$nope$abc" } } },
        }),
      );
      await r.sdk("batch", t.identity.batchPatchIdentities({ patchIdentitiesBody: { identities } as never }));
      await r.sdk(
        "valid formats only",
        t.identity.batchPatchIdentities({
          patchIdentitiesBody: {
            identities: identities.slice(0, -1).map((x, i) => ({
              ...x,
              patch_id: patchId(200 + i),
              create: { ...x.create, traits: { email: emailFor(`batch-hash2-${i}`) } },
            })),
          } as never,
        }),
      );
    },
  },
  ...Object.keys(importedHashes()).map((fmt): Case => ({
    name: `import ${fmt} hash, then sign in with it`,
    run: async (t, r) => {
      const email = emailFor(`hash-${fmt}`);
      const hashed = importedHashes()[fmt] ?? "";
      const made = await r.sdk(
        "create",
        t.identity.createIdentity({
          createIdentityBody: {
            schema_id: "default",
            traits: { email },
            credentials: { password: { config: { hashed_password: hashed } } },
          },
        }),
        () => "created",
      );
      const { data: flow } = await t.frontend.createNativeLoginFlow({});
      const wrong = await t.frontend
        .updateLoginFlow({
          flow: flow.id,
          updateLoginFlowBody: { method: "password", identifier: email, password: "not-it-123" },
        })
        .then(
          () => 200,
          (e: { response?: { status: number } }) => e.response?.status,
        );
      r.note("wrong password status", wrong);
      await r.sdk(
        "login",
        t.frontend.updateLoginFlow({
          flow: flow.id,
          updateLoginFlowBody: { method: "password", identifier: email, password: IMPORTED_PASSWORD },
        }),
        (b) => (b && typeof b === "object" && "session_token" in b ? "signed in" : b),
      );
      const after = await t.identity
        .getIdentity({ id: made?.id ?? "", includeCredential: ["password"] })
        .catch(() => undefined);
      const stored =
        (after?.data.credentials?.password?.config as { hashed_password?: string } | undefined)?.hashed_password ?? "";
      r.note(
        "stored hash after login",
        stored === hashed ? "unchanged" : stored.replace(/\$2a\$04\$.*/, "rehashed with bcrypt"),
      );
    },
  })),
  {
    name: "import: bcrypt cost 20, unknown format, malformed bcrypt",
    run: async (t, r) => {
      const create = (n: number, hashed_password: string) =>
        t.identity.createIdentity({
          createIdentityBody: {
            schema_id: "default",
            traits: { email: emailFor("hash-misc", n) },
            credentials: { password: { config: { hashed_password } } },
          },
        });
      await r.sdk("bcrypt cost 20", create(1, "$2a$20$abcdefghijklmnopqrstuuVbFqMP0I3Q8iw7gBe0HUK8D5a0hGpRC"));
      await r.sdk("unknown format", create(2, "$nope$abc"));
      await r.sdk("plain text as hash", create(3, "hunter2"));
      await r.sdk("bcrypt prefix only", create(4, "$2a$04$short"));
      await r.sdk("argon2 bounds", create(5, "$argon2id$v=19$m=4194304,t=20,p=64$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"));
    },
  },
  {
    name: "createIdentity: plaintext password over 72 bytes, use_password_migration_hook",
    run: async (t, r) => {
      const create = (n: number, config: Record<string, unknown>) =>
        t.identity.createIdentity({
          createIdentityBody: {
            schema_id: "default",
            traits: { email: emailFor("pw-misc", n) },
            credentials: { password: { config } },
          },
        });
      await r.sdk("73 bytes", create(1, { password: "x".repeat(73) }));
      await r.sdk("migration hook", create(2, { use_password_migration_hook: true }));
    },
  },
];
