import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashSync } from "@node-rs/bcrypt";
import { Configuration, FrontendApi, IdentityApi, type CreateIdentityBody, type Identity } from "@ory/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedKratos, type EmbeddedKratos } from "@/lib/embedded-kratos";
import { migrateIdentities } from "@/scripts/migrate-to-kratos";

// Embedded Kratos → a second Kratos (another embedded instance standing in for real Kratos), 1,000 users.
const N = 1000;
const PASSWORD = "Migrate-me-safely-42";
const HASH = hashSync(PASSWORD, 4).replace(/^\$2b\$/, "$2a$"); // Go's bcrypt prefix, as real Kratos stores it
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "truss-migrate-"));
let from: EmbeddedKratos;
let to: EmbeddedKratos;
const admin = (url: string) => new IdentityApi(new Configuration({ basePath: url, baseOptions: { timeout: 30_000 } }));

function user(i: number): CreateIdentityBody {
  return {
    schema_id: "default",
    traits: { email: `user${i}@example.com`, name: { first: `User${i}` } },
    state: i % 10 === 9 ? "inactive" : "active",
    external_id: `legacy-${i}`,
    metadata_public: { plan: i % 2 ? "pro" : "free" },
    metadata_admin: i === 0 ? { truss_role: "admin" } : undefined,
    verifiable_addresses: i % 3 === 0 ? [{ value: `user${i}@example.com`, via: "email", verified: true, status: "completed" }] : undefined,
    credentials: {
      password: { config: { hashed_password: HASH } },
      ...(i % 7 === 0 ? { oidc: { config: { providers: [{ provider: "google", subject: `g-${i}` }] } } } : {}),
    },
  };
}

async function listAll(url: string): Promise<Identity[]> {
  const out: Identity[] = [];
  for (let page = 0, token: string | undefined; page < 20; page++) {
    const res = await admin(url).listIdentities({ pageSize: 500, pageToken: token, includeCredential: ["password", "oidc"] });
    out.push(...res.data);
    token = /page_token=([^&>]+)>; rel="next"/.exec(String(res.headers.link))?.[1];
    if (!token) break;
  }
  return out;
}

async function login(publicUrl: string, email: string): Promise<number> {
  const api = new FrontendApi(new Configuration({ basePath: publicUrl, baseOptions: { timeout: 10_000 } }));
  const flow = (await api.createNativeLoginFlow()).data;
  try {
    const res = await api.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: { method: "password", identifier: email, password: PASSWORD } });
    expect(res.data.session.identity?.traits).toMatchObject({ email });
    return res.status;
  } catch (e) {
    return (e as { response?: { status: number } }).response?.status ?? 0;
  }
}

beforeAll(async () => {
  const opts = { publicPort: 0, adminPort: 0, bcryptCost: 4, unknownIdentifierDelayMs: [0, 0] as [number, number] };
  [from, to] = await Promise.all([
    startEmbeddedKratos({ ...opts, dataDir: path.join(dir, "from") }),
    startEmbeddedKratos({ ...opts, dataDir: path.join(dir, "to") }),
  ]);
  const seeded = await admin(from.adminUrl).batchPatchIdentities({
    patchIdentitiesBody: { identities: Array.from({ length: N }, (_, i) => ({ create: user(i) })) },
  });
  expect(seeded.data.identities?.filter((r) => r.action === "create")).toHaveLength(N);
}, 60_000);

afterAll(async () => {
  await Promise.all([from?.close(), to?.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run migrate:kratos", () => {
  it("moves 1,000 users with their password hashes and OIDC links; they can sign in on the target", async () => {
    const summary = await migrateIdentities({ fromAdmin: from.adminUrl, toAdmin: to.adminUrl, chunkSize: 1000 });
    expect({ total: summary.total, created: summary.created, exists: summary.exists, failed: summary.failed }).toEqual({ total: N, created: N, exists: 0, failed: 0 });

    const moved = new Map((await listAll(to.adminUrl)).map((i) => [i.external_id, i]));
    expect(moved.size).toBe(N);
    const u0 = moved.get("legacy-0")!;
    expect(u0.traits).toEqual({ email: "user0@example.com", name: { first: "User0" } });
    expect(u0.metadata_admin).toEqual({ truss_role: "admin" });
    expect(u0.verifiable_addresses?.[0]).toMatchObject({ verified: true, status: "completed" });
    expect(u0.credentials?.oidc?.identifiers).toEqual(["google:g-0"]);
    expect((u0.credentials?.password?.config as { hashed_password?: string }).hashed_password).toBe(HASH);
    expect(moved.get("legacy-9")?.state).toBe("inactive");
    expect(moved.get("legacy-5")?.metadata_public).toEqual({ plan: "pro" });
    expect(summary.results.find((r) => r.target_id === u0.id)?.source_id).toBeTruthy();

    for (const i of [1, 500, 998]) expect(await login(to.publicUrl, `user${i}@example.com`)).toBe(200);
    expect(await login(to.publicUrl, "user9@example.com")).not.toBe(200); // inactive stays inactive
  }, 30_000);

  it("is idempotent: a re-run reports every user as exists and creates nothing", async () => {
    const again = await migrateIdentities({ fromAdmin: from.adminUrl, toAdmin: to.adminUrl, chunkSize: 400 });
    expect({ created: again.created, exists: again.exists, failed: again.failed }).toEqual({ created: 0, exists: N, failed: 0 });
    expect(await listAll(to.adminUrl)).toHaveLength(N);
  }, 30_000);
});
