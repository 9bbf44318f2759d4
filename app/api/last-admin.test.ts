import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk } from "@/lib/testing/users";

// The last-admin guard used to be check-then-act: two concurrent removals of the only two admins both passed.
const h: Harness = await startHarness();
const admin = await import("@/app/api/auth/identities/[id]/admin/route");
const state = await import("@/app/api/auth/identities/[id]/state/route");
const one = await import("@/app/api/auth/identities/[id]/route");

const login = await import("@/app/api/auth/login/route");
const { cookieFrom } = await import("@/lib/testing/harness");
const PASSWORD = "Second-admin-pass-1";
const adminsLeft = async () =>
  (await identity.listIdentities({ pageSize: 500 })).data.filter(
    (i) => (i.metadata_admin as { truss_role?: string } | null)?.truss_role === "admin" && i.state === "active",
  );

// The one admin in charge (id, email, cookie); each case starts with exactly one admin.
let current = { id: "", email: ADMIN.email, cookie: "" };
const { identity } = sdk(h);

beforeAll(async () => {
  current.cookie = await bootAndSignIn();
  current.id = (await identity.listIdentities({ credentialsIdentifier: ADMIN.email })).data[0]!.id;
});
afterAll(() => h.close());

type Remove = (id: string, cookie: string) => ReturnType<typeof call>;
const cases: [string, Remove][] = [
  ["demotions", (id, cookie) => call(admin.DELETE, "/x", { method: "DELETE", params: { id }, headers: { cookie } })],
  [
    "deactivations",
    (id, cookie) =>
      call(state.PATCH, "/x", { method: "PATCH", params: { id }, body: { state: "inactive" }, headers: { cookie } }),
  ],
  ["deletions", (id, cookie) => call(one.DELETE, "/x", { method: "DELETE", params: { id }, headers: { cookie } })],
];

describe("last admin under concurrency", () => {
  it.each(cases)(
    "two concurrent %s of the only two admins: exactly one succeeds, one admin remains",
    async (_what, remove) => {
      const other = email("admin2");
      const { data } = await identity.createIdentity({
        createIdentityBody: {
          schema_id: "default",
          traits: { email: other },
          credentials: { password: { config: { password: PASSWORD } } },
        },
      });
      expect(
        (await call(admin.POST, "/x", { method: "POST", params: { id: data.id }, headers: { cookie: current.cookie } }))
          .status,
      ).toBe(200);
      expect((await adminsLeft()).length).toBe(2);
      const answers = await Promise.all([remove(current.id, current.cookie), remove(data.id, current.cookie)]);
      const codes = answers.map((r) => r.status);
      expect(codes.filter((c) => c === 200 || c === 204)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(1);
      const left = await adminsLeft();
      expect(left).toHaveLength(1);
      if (left[0]!.id === data.id) {
        const r = await call(login.POST, "/api/auth/login", {
          method: "POST",
          body: { email: other, password: PASSWORD },
        });
        current = { id: data.id, email: other, cookie: cookieFrom(r) };
      }
    },
  );
});
