import Database from "better-sqlite3";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, startTestKratos, uniqueEmail, type TestKratos } from "@/lib/testing/embedded-kratos";

let t: TestKratos;
beforeAll(async () => {
  t = await startTestKratos();
});
afterAll(async () => t.stop());

const batch = (identities: unknown[]) =>
  t.identity.batchPatchIdentities({ patchIdentitiesBody: { identities: identities as never } });
const rawBatch = (body: unknown) =>
  fetch(`${t.kratos.adminUrl}/admin/identities`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

describe("PATCH /admin/identities (batch create)", () => {
  it("returns per-item results in request order, 200 even when items fail", async () => {
    const existing = uniqueEmail();
    await t.identity.createIdentity({ createIdentityBody: { schema_id: "default", traits: { email: existing } } });
    const dupInBatch = uniqueEmail();
    const ids = Array.from({ length: 6 }, () => crypto.randomUUID());
    const res = await batch([
      {
        patch_id: ids[0],
        create: {
          schema_id: "default",
          traits: { email: uniqueEmail() },
          credentials: { password: { config: { password: "pw-1" } } },
        },
      },
      { patch_id: ids[1], create: { schema_id: "default", traits: { email: existing } } },
      { patch_id: ids[2], create: { schema_id: "default", traits: { email: dupInBatch } } },
      { patch_id: ids[3], create: { schema_id: "default", traits: { email: dupInBatch.toUpperCase() } } },
      { patch_id: ids[4], create: { schema_id: "nope", traits: { email: uniqueEmail() } } },
      { patch_id: ids[5], create: null },
    ]);
    expect(res.status).toBe(200);
    const items = res.data.identities ?? [];
    expect(items[0]).toEqual({ action: "create", identity: expect.any(String) as string, patch_id: ids[0] });
    const conflict = {
      code: 409,
      status: "Conflict",
      message: "Unable to insert or update resource because a resource with that value exists already",
    };
    expect(items[1]).toEqual({ action: "error", patch_id: ids[1], error: conflict });
    expect(items[2]).toMatchObject({ action: "create", patch_id: ids[2] });
    expect(items[3]).toEqual({ action: "error", patch_id: ids[3], error: conflict });
    expect(items[4]).toEqual({
      action: "error",
      patch_id: ids[4],
      error: {
        code: 400,
        status: "Bad Request",
        reason: "Unable to find JSON Schema ID: nope",
        message: "The request was malformed or contained invalid parameters",
      },
    });
    expect(items[5]).toBeNull();
    const all = await batch([{ create: { schema_id: "default", traits: { email: existing } } }]);
    expect(all.status).toBe(200);
    expect(all.data.identities?.[0]?.action).toBe("error");
  });

  it("leaves nothing half-written for an item that fails at insert time", async () => {
    const email = uniqueEmail();
    const res = await batch([
      { create: { schema_id: "default", traits: { email: uniqueEmail() } } },
      { create: { schema_id: "default", traits: { email } } },
      // Different external_id but same identifier: the identity row inserts, then the identifier violates
      // the unique index, so the savepoint must roll the whole item back.
      { create: { schema_id: "default", traits: { email }, external_id: "crash-probe", metadata_admin: { x: 1 } } },
    ]);
    const items = res.data.identities ?? [];
    expect(items.map((i) => i?.action)).toEqual(["create", "create", "error"]);
    expect((await failure(t.identity.getIdentityByExternalID({ externalID: "crash-probe" }))).status).toBe(404);
    const db = new Database(join(t.dataDir, "embedded-kratos.sqlite"), { readonly: true });
    try {
      const orphans = db
        .prepare(
          `SELECT
        (SELECT COUNT(*) FROM identities WHERE external_id='crash-probe') +
        (SELECT COUNT(*) FROM credentials WHERE identity_id NOT IN (SELECT id FROM identities)) +
        (SELECT COUNT(*) FROM addresses WHERE identity_id NOT IN (SELECT id FROM identities)) AS n`,
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
      const created = db
        .prepare("SELECT COUNT(*) AS n FROM identities WHERE id IN (?, ?)")
        .get(items[0]?.identity, items[1]?.identity) as { n: number };
      expect(created.n).toBe(2);
    } finally {
      db.close();
    }
  });

  it("fails the whole request for limits, bad patch ids and item build errors", async () => {
    const many = await rawBatch({
      identities: Array.from({ length: 1001 }, () => ({
        create: { schema_id: "default", traits: { email: "x@y.z" } },
      })),
    });
    expect(many.status).toBe(400);
    expect(((await many.json()) as { error: { reason: string } }).error.reason).toBe(
      "The maximum number of identities per request that can be created or deleted at once is 1000.",
    );
    const plain = await rawBatch({
      identities: Array.from({ length: 201 }, (_, i) => ({
        create: {
          schema_id: "default",
          traits: { email: `p${i}@y.z` },
          credentials: { password: { config: { password: "pw" } } },
        },
      })),
    });
    expect(plain.status).toBe(400);
    expect(((await plain.json()) as { error: { reason: string } }).error.reason).toBe(
      "The maximum number of identities per request that can be created with a plaintext password is 200.",
    );
    expect(
      (await rawBatch({ identities: [{ patch_id: "not-a-uuid", create: { traits: { email: uniqueEmail() } } }] }))
        .status,
    ).toBe(400);
    const email = uniqueEmail();
    const state = await rawBatch({
      identities: [{ create: { traits: { email } } }, { create: { traits: { email: uniqueEmail() }, state: "weird" } }],
    });
    expect(state.status).toBe(400);
    expect((await t.identity.listIdentities({ credentialsIdentifier: email })).data).toHaveLength(0);
    const hash = await rawBatch({
      identities: [
        {
          create: {
            traits: { email: uniqueEmail() },
            credentials: { password: { config: { hashed_password: "plain" } } },
          },
        },
      ],
    });
    expect(hash.status).toBe(400);
  });

  it("hashes 200 plaintext passwords and they all work", async () => {
    const emails = Array.from({ length: 200 }, () => uniqueEmail("bulk"));
    const res = await batch(
      emails.map((email, i) => ({
        create: {
          schema_id: "default",
          traits: { email },
          credentials: { password: { config: { password: `pw-${i}` } } },
        },
      })),
    );
    expect(res.data.identities?.every((i) => i?.action === "create")).toBe(true);
    const flow = await t.frontend.createNativeLoginFlow();
    const ok = await t.frontend.updateLoginFlow({
      flow: flow.data.id,
      updateLoginFlowBody: { method: "password", identifier: emails[199] ?? "", password: "pw-199" },
    });
    expect(ok.status).toBe(200);
  });
});
