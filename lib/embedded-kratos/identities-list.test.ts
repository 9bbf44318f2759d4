import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, startTestKratos, type TestKratos } from "@/lib/testing/embedded-kratos";

let t: TestKratos;
const emails = Array.from({ length: 23 }, (_, i) => `list-${String(i).padStart(2, "0")}@example.com`);

beforeAll(async () => {
  t = await startTestKratos();
  await t.identity.batchPatchIdentities({
    patchIdentitiesBody: {
      identities: emails.map((email) => ({ create: { schema_id: "default", traits: { email } } })),
    },
  });
});
afterAll(async () => t.stop());

const nextToken = (link: string | undefined) => /page_token=([^&>]+)>; rel="next"/.exec(link ?? "")?.[1];

describe("GET /admin/identities", () => {
  it("walks every identity exactly once through Link rel=next", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await t.identity.listIdentities({ pageSize: 5, pageToken: token });
      seen.push(...res.data.map((i) => i.id));
      const link = res.headers.link as string;
      expect(link).toContain(
        '</admin/identities?page_size=5&page_token=00000000-0000-0000-0000-000000000000>; rel="first"',
      );
      expect(res.headers["x-total-count"]).toBeUndefined();
      token = nextToken(link);
      pages++;
    } while (token && pages < 20);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
    expect(seen).toEqual([...seen].sort());
    const first = await t.identity.listIdentities({});
    expect(first.data).toHaveLength(23);
    expect(first.data[0]).toHaveProperty("metadata_admin");
    expect(first.data[0]).not.toHaveProperty("credentials");
    expect(first.headers.link).not.toContain('rel="next"');
  });

  it("treats per_page alone as page_size and clamps to 500", async () => {
    const res = await t.identity.listIdentities({ perPage: 4 });
    expect(res.data).toHaveLength(4);
    expect(res.headers.link).toContain("page_size=4");
    const big = await t.identity.listIdentities({ pageSize: 5000 });
    expect(big.headers.link).toContain("page_size=500");
  });

  it("rejects crafted page tokens", async () => {
    const res = await failure(t.identity.listIdentities({ pageToken: "abc" }));
    expect(res.status).toBe(400);
    expect(res.data.error.reason).toBe("The page token is invalid, do not craft your own page tokens");
  });

  it("filters by identifier, prefix and ids, but not in combination", async () => {
    const exact = await t.identity.listIdentities({ credentialsIdentifier: "  LIST-03@example.com" });
    expect(exact.data.map((i) => i.traits as unknown)).toEqual([{ email: "list-03@example.com" }]);
    expect(exact.data[0]?.credentials?.password?.identifiers).toEqual(["list-03@example.com"]);
    const prefix = await t.identity.listIdentities({ previewCredentialsIdentifierSimilar: "list-1" });
    expect(prefix.data).toHaveLength(10);
    const ids = prefix.data.slice(0, 3).map((i) => i.id);
    const byIds = await t.identity.listIdentities({ ids });
    expect(byIds.data.map((i) => i.id).sort()).toEqual([...ids].sort());
    const combined = await failure(t.identity.listIdentities({ ids, credentialsIdentifier: "x" }));
    expect(combined.status).toBe(400);
    expect(combined.data.error.reason).toBe("You cannot combine multiple filters in this API");
    expect((await failure(t.identity.listIdentities({ ids: ["nope"] }))).status).toBe(400);
    const many = Array.from({ length: 501 }, () => crypto.randomUUID());
    const tooMany = await fetch(`${t.kratos.adminUrl}/admin/identities?${many.map((i) => `ids=${i}`).join("&")}`);
    expect(tooMany.status).toBe(400);
    const withCred = await t.identity.listIdentities({ pageSize: 1, includeCredential: ["password"] });
    expect(withCred.data[0]?.credentials?.password?.config).toEqual({});
  });

  it("supports legacy page pagination with X-Total-Count and the 1000-item limit", async () => {
    const res = await t.identity.listIdentities({ page: 1, perPage: 10 });
    expect(res.data).toHaveLength(10);
    expect(res.headers["x-total-count"]).toBe("23");
    expect(res.headers.link).toContain('rel="next"');
    expect(res.headers.link).toContain('rel="last"');
    const tooFar = await failure(t.identity.listIdentities({ page: 11, perPage: 100 }));
    expect(tooFar.status).toBe(400);
    expect(tooFar.data.error.reason).toContain("Legacy pagination is not supported for enumerating over 1000 items.");
  });
});
