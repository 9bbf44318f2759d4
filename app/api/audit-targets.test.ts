import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";
import { email } from "@/lib/testing/users";

// Bulk actions and imports: one audit entry for the request (counts; success, partial or failure) and one per
// identity under it (action, target, the label it had, outcome, error), found by ?target= and ?parent=.
const h: Harness = await startHarness();
const list = await import("@/app/api/auth/identities/route");
const bulk = await import("@/app/api/auth/identities/bulk/route");
const imp = await import("@/app/api/auth/users/import/route");
const audit = await import("@/app/api/audit/route");
const one = await import("@/app/api/auth/identities/[id]/route");
const state = await import("@/app/api/auth/identities/[id]/state/route");

let cookie = "";
type Entry = {
  id: number;
  action: string;
  target: string | null;
  actor_label: string | null;
  outcome: "success" | "failure" | "partial";
  details: Record<string, unknown> | null;
  parent_id: number | null;
};
const GHOST = "00000000-0000-4000-8000-00000000a0d1";

async function createUser(tag = "aud") {
  const em = email(tag);
  const r = await call(list.POST, "/api/auth/identities", {
    method: "POST",
    body: { email: em, password: "Strong-pass-123" },
    headers: { cookie },
  });
  expect(r.status).toBe(201);
  return { id: (r.body as { id: string }).id, email: em };
}

async function auditLog(query: string): Promise<Entry[]> {
  const r = await call(audit.GET, `/api/audit?${query}`, { headers: { cookie } });
  expect(r.status).toBe(200);
  return (r.body as { items: Entry[] }).items;
}

async function runBulk(action: string, ids: string[]) {
  const r = await call(bulk.POST, "/api/auth/identities/bulk", {
    method: "POST",
    body: { action, ids },
    headers: { cookie },
  });
  expect(r.status).toBe(200);
  return r.body as { summary: { ok: number; failed: number } };
}

beforeAll(async () => {
  cookie = await bootAndSignIn();
});
afterAll(() => h.close());

describe("bulk actions are audited per identity", () => {
  it("a bulk delete with one failing id records a partial request and one entry per id, the deleted one with its email", async () => {
    const u = await createUser("del");
    expect((await runBulk("delete", [u.id, GHOST])).summary).toEqual({ ok: 1, failed: 1 });

    const [parent] = await auditLog("action=identity.bulk_delete&page_size=1");
    expect(parent).toMatchObject({
      target: null,
      parent_id: null,
      outcome: "partial",
      actor_label: ADMIN.email,
      details: { ok: 1, failed: 1, ids: 2 },
    });

    const children = await auditLog(`parent=${parent!.id}`);
    expect(children).toHaveLength(2);
    expect(children.every((c) => c.action === "identity.delete" && c.actor_label === ADMIN.email)).toBe(true);
    const byTarget = new Map(children.map((c) => [c.target, c]));
    expect(byTarget.get(u.id)).toMatchObject({ outcome: "success", details: { label: u.email } });
    expect(byTarget.get(GHOST)).toMatchObject({
      outcome: "failure",
      details: { error: "not_found", message: expect.any(String) as unknown },
    });

    // The question an auditor asks: what happened to this (now deleted) user, and who did it?
    const trail = await auditLog(`target=${u.id}`);
    expect(trail[0]).toMatchObject({
      action: "identity.delete",
      outcome: "success",
      actor_label: ADMIN.email,
      parent_id: parent!.id,
      details: { label: u.email },
    });
    expect(trail.map((e) => e.action)).toEqual(["identity.delete", "identity.create"]);
  });

  it("a bulk deactivate records one entry per target; all succeeding is success, all failing is failure", async () => {
    const a = await createUser("deact");
    const b = await createUser("deact");
    expect((await runBulk("deactivate", [a.id, b.id])).summary).toEqual({ ok: 2, failed: 0 });
    const [parent] = await auditLog("action=identity.bulk_deactivate&page_size=1");
    expect(parent).toMatchObject({ outcome: "success", details: { ok: 2, failed: 0, ids: 2 } });
    for (const u of [a, b]) {
      const [entry] = await auditLog(`target=${u.id}&page_size=1`);
      expect(entry).toMatchObject({
        action: "identity.deactivate",
        outcome: "success",
        parent_id: parent!.id,
        details: { label: u.email },
      });
    }
    expect(await auditLog(`parent=${parent!.id}&action=identity.deactivate`)).toHaveLength(2);

    expect((await runBulk("revoke_sessions", [GHOST])).summary).toEqual({ ok: 0, failed: 1 });
    const [failed] = await auditLog("action=identity.bulk_revoke_sessions&page_size=1");
    expect(failed!.outcome).toBe("failure");
    expect(await auditLog(`parent=${failed!.id}`)).toMatchObject([
      { action: "identity.revoke_sessions", target: GHOST, outcome: "failure", details: { error: "not_found" } },
    ]);
  });

  it("refuses a parent filter that is not an entry id", async () => {
    const r = await call(audit.GET, "/api/audit?parent=abc", { headers: { cookie } });
    expect(r.status).toBe(400);
  });
});

describe("imports are audited per row", () => {
  it("an import with one bad row records the created rows under a partial request", async () => {
    const good = [email("imp"), email("imp")];
    const r = await call(imp.POST, "/api/auth/users/import", {
      method: "POST",
      body: {
        users: [
          { email: good[0], password: "Import-pass-1" },
          { email: "not-an-email", password: "Import-pass-1" },
          { email: good[1], password: "Import-pass-2" },
        ],
      },
      headers: { cookie },
    });
    expect(r.status).toBe(200);
    const body = r.body as { summary: { created: number; failed: number }; results: { id?: string }[] };
    expect(body.summary).toMatchObject({ created: 2, failed: 1 });
    const ids = [body.results[0]!.id!, body.results[2]!.id!];

    const [parent] = await auditLog("action=users.import&page_size=1");
    expect(parent).toMatchObject({
      target: null,
      outcome: "partial",
      details: { total: 3, created: 2, failed: 1 },
    });
    const children = await auditLog(`parent=${parent!.id}`);
    expect(children.every((c) => c.action === "identity.import")).toBe(true);
    const created = children.filter((c) => c.outcome === "success");
    expect(created.map((c) => c.target).sort()).toEqual([...ids].sort());
    // The bad row never became an identity: no target, but its row, label and reason are kept.
    expect(children.filter((c) => c.outcome === "failure")).toMatchObject([
      { target: null, details: { row: 1, label: "not-an-email", error: "validation_failed" } },
    ]);

    const [entry] = await auditLog(`target=${ids[0]}&page_size=1`);
    expect(entry).toMatchObject({
      action: "identity.import",
      outcome: "success",
      parent_id: parent!.id,
      details: { label: good[0], row: 0 },
    });
  });

  it("a dry run writes no audit entry at all (nothing was changed), as before", async () => {
    const [before] = await auditLog("page_size=1");
    const r = await call(imp.POST, "/api/auth/users/import?dry_run=true", {
      method: "POST",
      body: { users: [{ email: email("dry"), password: "Import-pass-1" }, { email: "nope" }] },
      headers: { cookie },
    });
    expect(r.status).toBe(200);
    expect((r.body as { dry_run: boolean }).dry_run).toBe(true);
    const [after] = await auditLog("page_size=1");
    expect(after!.id).toBe(before!.id);
  });
});

describe("single actions name their user", () => {
  it("create, deactivate and delete keep the user's email as the entry's label, also once the user is gone", async () => {
    const u = await createUser("single");
    const r = await call(state.PATCH, `/api/auth/identities/${u.id}/state`, {
      method: "PATCH",
      body: { state: "inactive" },
      headers: { cookie },
      params: { id: u.id },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const del = await call(one.DELETE, `/api/auth/identities/${u.id}`, {
      method: "DELETE",
      headers: { cookie },
      params: { id: u.id },
    });
    expect(del.status).toBe(204);
    const entries = await auditLog(`target=${u.id}`);
    expect(entries.map((e) => [e.action, e.outcome, e.details?.label])).toEqual([
      ["identity.delete", "success", u.email],
      ["identity.deactivate", "success", u.email],
      ["identity.create", "success", u.email],
    ]);
  });
});
