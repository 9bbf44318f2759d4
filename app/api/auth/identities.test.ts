import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk, userLogin, whoamiStatus } from "@/lib/testing/users";

const h: Harness = await startHarness();
const list = await import("@/app/api/auth/identities/route");
const one = await import("@/app/api/auth/identities/[id]/route");
const state = await import("@/app/api/auth/identities/[id]/state/route");
const reset = await import("@/app/api/auth/identities/[id]/reset-password/route");
const recovery = await import("@/app/api/auth/identities/[id]/recovery/route");
const admin = await import("@/app/api/auth/identities/[id]/admin/route");
const idSessions = await import("@/app/api/auth/identities/[id]/sessions/route");
const bulk = await import("@/app/api/auth/identities/bulk/route");
const imp = await import("@/app/api/auth/users/import/route");
const sessions = await import("@/app/api/auth/sessions/route");
const oneSession = await import("@/app/api/auth/sessions/[id]/route");
const extend = await import("@/app/api/auth/sessions/[id]/extend/route");
const verify = await import("@/app/api/auth/identities/[id]/verify-address/route");
const audit = await import("@/app/api/audit/route");

let cookie = "";
type Ident = {
  id: string;
  email: string;
  state: string;
  name: string | null;
  is_admin: boolean;
  credential_types: string[];
};
type Err = { error: { id: string; code: number; message: string; details?: { issues: { path: string }[] } } };

async function create(body: Record<string, unknown>) {
  return call(list.POST, "/api/auth/identities", { method: "POST", body, headers: { cookie } });
}
async function createUser(pw = "Strong-pass-123") {
  const em = email();
  const r = await create({ email: em, password: pw, name: "Ada Lovelace" });
  expect(r.status).toBe(201);
  return { ...(r.body as Ident), password: pw };
}

beforeAll(async () => {
  cookie = await bootAndSignIn();
});
afterAll(() => h.close());

describe("identities", () => {
  it("creates a user (the documented curl body) and returns it without secrets", async () => {
    const r = await create({ email: "user@example.com", password: "securepassword123" });
    expect(r.status).toBe(201);
    const i = r.body as Ident;
    expect(i.email).toBe("user@example.com");
    expect(i.state).toBe("active");
    expect(i.is_admin).toBe(false);
    expect(r.headers.get("location")).toBe(`/api/auth/identities/${i.id}`);
    expect(JSON.stringify(r.body)).not.toMatch(/\$2[aby]\$|hashed_password/);
    const dup = await create({ email: "USER@example.com", password: "securepassword123" });
    expect(dup.status).toBe(409);
    expect((dup.body as Err).error.id).toBe("conflict");
  });

  it("enforces the password policy and validation with per-field issues", async () => {
    for (const [password, path] of [
      ["short", "password"],
      ["password123", "password"],
      ["é".repeat(40), "password"],
    ] as const) {
      const r = await create({ email: email(), password });
      expect(r.status).toBe(400);
      expect((r.body as Err).error.id).toBe("validation_failed");
      expect((r.body as Err).error.details!.issues.map((i) => i.path)).toContain(path);
    }
    // The message is written for people (issue 18): the field and what is wrong, not "Invalid body. password: …".
    const common = await create({ email: email(), password: "password123" });
    expect((common.body as Err).error.message).toBe("Password is too common; choose a less guessable password.");
    const same = email();
    expect((await create({ email: same, password: same })).status).toBe(400);
    expect((await create({ email: "not-an-email", password: "Strong-pass-123" })).status).toBe(400);
    expect((await create({ email: email(), password: "Strong-pass-123", schema_url: "x" })).status).toBe(400);
  });

  it("lists with cursor pagination, email-prefix search and state filter", async () => {
    const prefix = `page-${Date.now().toString(36)}`;
    for (let i = 0; i < 5; i++) expect((await create({ email: `${prefix}-${i}@example.test` })).status).toBe(201);
    const seen: string[] = [];
    let token: string | null = null;
    do {
      const q: string = `/api/auth/identities?page_size=2&search=${prefix}${token ? `&page_token=${token}` : ""}`;
      const r = await call(list.GET, q, { headers: { cookie } });
      expect(r.status).toBe(200);
      const page = r.body as { items: Ident[]; next_page_token: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.email));
      token = page.next_page_token;
    } while (token);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}-${i}@example.test`));
    const inactive = await create({ email: `${prefix}-off@example.test`, state: "inactive" });
    expect(inactive.status).toBe(201);
    const r = await call(list.GET, `/api/auth/identities?state=inactive&search=${prefix}`, { headers: { cookie } });
    expect((r.body as { items: Ident[] }).items.map((i) => i.email)).toEqual([`${prefix}-off@example.test`]);
    expect((await call(list.GET, "/api/auth/identities?page_size=501", { headers: { cookie } })).status).toBe(400);
    expect((await call(list.GET, "/api/auth/identities?page_token=<script>", { headers: { cookie } })).status).toBe(
      400,
    );
  });

  it("fills the sign-in methods column in the list (a password user, a user without one), never with secrets", async () => {
    const withPw = await createUser();
    const without = await create({ email: email("nopw") });
    expect(without.status).toBe(201);
    const types = async (address: string) => {
      const r = await call(list.GET, `/api/auth/identities?search=${encodeURIComponent(address)}`, {
        headers: { cookie },
      });
      expect(JSON.stringify(r.body)).not.toMatch(/hashed_password|\$2[aby]\$/);
      return (r.body as { items: Ident[] }).items[0]!.credential_types;
    };
    expect(await types(withPw.email)).toEqual(["password"]);
    expect(await types((without.body as Ident).email)).toEqual([]);
  });

  it("gets, edits and deletes one user; ids are validated as UUIDs first", async () => {
    const u = await createUser();
    const got = await call(one.GET, `/api/auth/identities/${u.id}`, { headers: { cookie }, params: { id: u.id } });
    expect(got.status).toBe(200);
    expect((got.body as Ident).credential_types).toContain("password");
    expect((got.body as Ident).name).toBe("Ada Lovelace");
    const edited = await call(one.PATCH, `/api/auth/identities/${u.id}`, {
      method: "PATCH",
      body: { name: "Grace Hopper", metadata_public: { plan: "pro" } },
      headers: { cookie },
      params: { id: u.id },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: "Grace Hopper", metadata_public: { plan: "pro" } });
    expect(
      (await call(one.GET, "/api/auth/identities/not-a-uuid", { headers: { cookie }, params: { id: "not-a-uuid" } }))
        .status,
    ).toBe(400);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(
      (await call(one.GET, `/api/auth/identities/${missing}`, { headers: { cookie }, params: { id: missing } })).status,
    ).toBe(404);
    expect(
      (
        await call(one.DELETE, `/api/auth/identities/${u.id}`, {
          method: "DELETE",
          headers: { cookie },
          params: { id: u.id },
        })
      ).status,
    ).toBe(204);
    expect(
      (await call(one.GET, `/api/auth/identities/${u.id}`, { headers: { cookie }, params: { id: u.id } })).status,
    ).toBe(404);
  });

  it("reset-password sets the password and revokes sessions unless told not to", async () => {
    const u = await createUser();
    const token = await userLogin(h, u.email, u.password);
    const keep = await call(reset.POST, `/x`, {
      method: "POST",
      body: { password: "Another-pass-456", revoke_sessions: false },
      headers: { cookie },
      params: { id: u.id },
    });
    expect(keep.status).toBe(200);
    expect(await whoamiStatus(h, token)).toBe(200);
    const token2 = await userLogin(h, u.email, "Another-pass-456");
    const r = await call(reset.POST, `/x`, {
      method: "POST",
      body: { password: "Third-pass-789" },
      headers: { cookie },
      params: { id: u.id },
    });
    expect(r.status).toBe(200);
    expect((r.body as { sessions_revoked: boolean }).sessions_revoked).toBe(true);
    expect(await whoamiStatus(h, token2)).toBe(401);
    await expect(userLogin(h, u.email, "Another-pass-456")).rejects.toThrow();
    expect(await userLogin(h, u.email, "Third-pass-789")).toMatch(/^ory_st_/);
    expect(
      (
        await call(reset.POST, `/x`, {
          method: "POST",
          body: { password: "tiny" },
          headers: { cookie },
          params: { id: u.id },
        })
      ).status,
    ).toBe(400);
  });

  it("marks an email address as verified", async () => {
    const u = await createUser();
    const r = await call(verify.POST, "/x", {
      method: "POST",
      body: { address: u.email.toUpperCase() },
      headers: { cookie },
      params: { id: u.id },
    });
    expect(r.status).toBe(200);
    expect(
      (r.body as { verifiable_addresses: { value: string; verified: boolean; status: string }[] }).verifiable_addresses,
    ).toEqual([{ value: u.email, via: "email", verified: true, status: "completed" }]);
    expect(
      (
        await call(verify.POST, "/x", {
          method: "POST",
          body: { address: "other@example.test" },
          headers: { cookie },
          params: { id: u.id },
        })
      ).status,
    ).toBe(404);
  });

  it("creates a recovery code with its expiry", async () => {
    const u = await createUser();
    const r = await call(recovery.POST, "/x", {
      method: "POST",
      body: { method: "code", expires_in: "30m" },
      headers: { cookie },
      params: { id: u.id },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ method: "code", recovery_code: expect.stringMatching(/^\d{6}$/) as unknown });
    expect(Date.parse((r.body as { expires_at: string }).expires_at)).toBeGreaterThan(Date.now());
  });

  it("promotes and demotes admins, never the last one", async () => {
    const { identity } = sdk(h);
    const self = (await identity.listIdentities({ credentialsIdentifier: ADMIN.email })).data[0]!;
    const last = await call(admin.DELETE, "/x", { method: "DELETE", headers: { cookie }, params: { id: self.id } });
    expect(last.status).toBe(409);
    const deact = await call(state.PATCH, "/x", {
      method: "PATCH",
      body: { state: "inactive" },
      headers: { cookie },
      params: { id: self.id },
    });
    expect(deact.status).toBe(409);
    const u = await createUser();
    const up = await call(admin.POST, "/x", { method: "POST", headers: { cookie }, params: { id: u.id } });
    expect((up.body as Ident).is_admin).toBe(true);
    const down = await call(admin.DELETE, "/x", { method: "DELETE", headers: { cookie }, params: { id: u.id } });
    expect((down.body as Ident).is_admin).toBe(false);
  });
});

describe("sessions", () => {
  it("the users list shows each user's last sign-in, learnt by the reconciler's session pass", async () => {
    const u = await createUser();
    await userLogin(h, u.email, u.password);
    const { reconcileOnce } = await import("@/lib/server/services/identity-index");
    await reconcileOnce(); // may be a pass that started before the sign-in…
    await reconcileOnce(); // …so wait for one that started after it
    const r = await call(list.GET, `/api/auth/identities?q=${encodeURIComponent(u.email)}`, {
      headers: { cookie },
    });
    const item = (r.body as { items: { last_sign_in_at: string | null }[] }).items[0]!;
    expect(Date.parse(item.last_sign_in_at!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("lists active sessions with email and device, revokes one, and force-logs-out a user", async () => {
    const u = await createUser();
    const t1 = await userLogin(h, u.email, u.password);
    const t2 = await userLogin(h, u.email, u.password);
    const all = await call(sessions.GET, "/api/auth/sessions?page_size=500", { headers: { cookie } });
    const mine = (all.body as { items: { id: string; identity_email: string; devices: unknown[] }[] }).items.filter(
      (s) => s.identity_email === u.email,
    );
    expect(mine).toHaveLength(2);
    expect(mine[0]!.devices.length).toBeGreaterThan(0);
    const byUser = await call(idSessions.GET, "/x", { headers: { cookie }, params: { id: u.id } });
    expect((byUser.body as { items: unknown[] }).items).toHaveLength(2);
    const extended = await call(extend.PATCH, "/x", {
      method: "PATCH",
      headers: { cookie },
      params: { id: mine[0]!.id },
    });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ id: mine[0]!.id, active: true });
    expect(
      (
        await call(extend.PATCH, "/x", {
          method: "PATCH",
          headers: { cookie },
          params: { id: "00000000-0000-4000-8000-000000000009" },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(oneSession.DELETE, "/x", { method: "DELETE", headers: { cookie }, params: { id: mine[0]!.id } }))
        .status,
    ).toBe(204);
    expect([await whoamiStatus(h, t1), await whoamiStatus(h, t2)].sort()).toEqual([200, 401]);
    expect(
      (await call(idSessions.DELETE, "/x", { method: "DELETE", headers: { cookie }, params: { id: u.id } })).status,
    ).toBe(204);
    expect([await whoamiStatus(h, t1), await whoamiStatus(h, t2)]).toEqual([401, 401]);
    // Again, with no sessions left: still 204 (force logout is idempotent).
    expect(
      (await call(idSessions.DELETE, "/x", { method: "DELETE", headers: { cookie }, params: { id: u.id } })).status,
    ).toBe(204);
  });
});

describe("import", () => {
  it("imports the documented body and reports per-row results in input order", async () => {
    const r = await call(imp.POST, "/api/auth/users/import", {
      method: "POST",
      body: {
        users: [
          { email: "alice@example.com", password: "pass1234" },
          { email: "bob@example.com", password: "pass5678" },
        ],
      },
      headers: { cookie },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      summary: { total: 2, created: 2, failed: 0 },
      results: [
        { index: 0, email: "alice@example.com", status: "created" },
        { index: 1, email: "bob@example.com", status: "created" },
      ],
    });
    expect(await userLogin(h, "alice@example.com", "pass1234")).toMatch(/^ory_st_/);
  });

  it("validates every row, reports duplicates (in Kratos and in the batch), and dry-runs without writing", async () => {
    const existing = await createUser();
    const fresh = email("imp");
    const users = [
      { email: fresh, password: "Import-pass-1" },
      { email: "bad-email", password: "Import-pass-1" },
      { email: existing.email, password: "Import-pass-1" },
      { email: fresh.toUpperCase(), password: "Import-pass-2" },
      { email: email("imp"), password_hash: "$2a$04$abcdefghijklmnopqrstuu5bSBKFHNOo8Xko8HXQo2HMkjClFfKDK" },
      { email: email("imp"), password_hash: "md4:nope" },
      { email: email("imp"), password: "short" },
    ];
    const dry = await call(imp.POST, "/api/auth/users/import?dry_run=true", {
      method: "POST",
      body: { users },
      headers: { cookie },
    });
    expect(dry.status).toBe(200);
    const statuses = (b: unknown) => (b as { results: { status: string }[] }).results.map((x) => x.status);
    // A preview already knows which users exist in Kratos, and numbers rows from 1 as the table does.
    expect(statuses(dry.body)).toEqual(["valid", "error", "error", "error", "valid", "error", "error"]);
    const dryErrors = (dry.body as { results: { error?: { id: string; message: string } }[] }).results;
    expect(dryErrors[2]!.error).toMatchObject({
      id: "conflict",
      message: expect.stringMatching(/already exists/) as unknown,
    });
    expect(dryErrors[3]!.error!.message).toMatch(/^Duplicate of row 1 /);
    expect((await call(list.GET, `/api/auth/identities?search=${fresh}`, { headers: { cookie } })).body).toMatchObject({
      items: [],
    });
    const real = await call(imp.POST, "/api/auth/users/import", {
      method: "POST",
      body: { users },
      headers: { cookie },
    });
    expect(statuses(real.body)).toEqual(["created", "error", "error", "error", "created", "error", "error"]);
    expect((real.body as { results: { error?: { id: string } }[] }).results[2]!.error!.id).toBe("conflict");
  });

  it("replays a retried import with the same Idempotency-Key instead of importing twice", async () => {
    const users = [{ email: email("idem"), password: "Idem-pass-123" }];
    const headers = { cookie, "idempotency-key": `k-${Date.now()}` };
    const first = await call(imp.POST, "/api/auth/users/import", { method: "POST", body: { users }, headers });
    const again = await call(imp.POST, "/api/auth/users/import", { method: "POST", body: { users }, headers });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((first.body as { summary: { created: number } }).summary.created).toBe(1);
    const other = await call(imp.POST, "/api/auth/users/import", {
      method: "POST",
      body: { users: [{ email: email("idem2") }] },
      headers,
    });
    expect(other.status).toBe(422);
  });

  it("isolates a row Kratos refuses for the whole batch (an unknown hash format) instead of failing its neighbours", async () => {
    // Real Kratos v26.2.0 answers 400 for the whole batch when one hash matches no known format.
    const users = [
      { email: email("nb"), password: "Neighbour-pass-1" },
      { email: email("nb"), password_hash: "$md9$c2FsdA$aGFzaA" },
      { email: email("nb"), password: "Neighbour-pass-2" },
      { email: email("nb"), password_hash: "{XSHA}aGFzaA==" },
      { email: email("nb") },
    ];
    const r = await call(imp.POST, "/api/auth/users/import", { method: "POST", body: { users }, headers: { cookie } });
    const results = (r.body as { results: { status: string; error?: { message: string } }[] }).results;
    expect(results.map((x) => x.status)).toEqual(["created", "error", "created", "error", "created"]);
    expect(results[3]!.error!.message.length).toBeGreaterThan(0);
  });

  it("accepts 500 rows and refuses 501 with 400", async () => {
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ email: `bulk-${i}-${Date.now()}@example.test` }));
    const tooMany = await call(imp.POST, "/api/auth/users/import?dry_run=true", {
      method: "POST",
      body: { users: rows(501) },
      headers: { cookie },
    });
    expect(tooMany.status).toBe(400);
    const ok = await call(imp.POST, "/api/auth/users/import?dry_run=true", {
      method: "POST",
      body: { users: rows(500) },
      headers: { cookie },
    });
    expect(ok.status).toBe(200);
  });
});

describe("bulk actions and audit", () => {
  it("deactivates, revokes and deletes in bulk with per-item results, and records it all in the audit log", async () => {
    const a = await createUser();
    const b = await createUser();
    const ghost = "00000000-0000-4000-8000-000000000001";
    const token = await userLogin(h, a.email, a.password);
    const r = await call(bulk.POST, "/x", {
      method: "POST",
      body: { action: "deactivate", ids: [a.id, ghost, b.id] },
      headers: { cookie },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      summary: { ok: 2, failed: 1 },
      results: [
        { id: a.id, status: "ok" },
        { id: ghost, status: "error", error: { id: "not_found" } },
        { id: b.id, status: "ok" },
      ],
    });
    expect(await whoamiStatus(h, token)).toBe(401);
    const del = await call(bulk.POST, "/x", {
      method: "POST",
      body: { action: "delete", ids: [a.id, b.id] },
      headers: { cookie },
    });
    expect((del.body as { summary: { ok: number } }).summary.ok).toBe(2);
    expect(
      (await call(bulk.POST, "/x", { method: "POST", body: { action: "explode", ids: [a.id] }, headers: { cookie } }))
        .status,
    ).toBe(400);
    const log = await call(audit.GET, `/api/audit?target=${a.id}`, { headers: { cookie } });
    const actions = (log.body as { items: { action: string; actor_label: string }[] }).items;
    expect(actions.map((e) => e.action)).toEqual(expect.arrayContaining(["identity.create"]) as unknown);
    const bulkEntries = await call(audit.GET, "/api/audit?action=identity.bulk_deactivate", { headers: { cookie } });
    expect((bulkEntries.body as { items: { actor_label: string; details: { ok: number } }[] }).items[0]).toMatchObject({
      actor_label: ADMIN.email,
      details: { ok: 2 },
    });
  });
});
