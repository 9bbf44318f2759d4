import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { call, cookieFrom, startHarness, type Harness } from "@/lib/testing/harness";

// A Kratos whose only schema is username + phone, with no email trait anywhere: the first admin comes from the setup
// link with traits, signs in with a username, and every list names people without a placeholder.
const schemaFile = path.resolve(import.meta.dirname, "../../../../deploy/kratos/schemas/username-phone.schema.json");
const h: Harness = await startHarness({
  KRATOS_IDENTITY_SCHEMA_FILE: schemaFile,
  TRUSS_ADMIN_EMAIL: "",
  TRUSS_ADMIN_PASSWORD: "",
});
const { boot } = await import("@/lib/server/boot");
const setup = await import("@/app/api/setup/route");
const login = await import("@/app/api/auth/login/route");
const identities = await import("@/app/api/auth/identities/route");
const sessions = await import("@/app/api/auth/sessions/route");
const reauth = await import("@/app/api/auth/reauth/route");
afterAll(() => h.close());

const PASSWORD = "Grace-admin-pass-7";
type Ident = { email: string | null; display_name: string; identifiers: { kind: string; value: string }[] };

describe("a Kratos with no email trait anywhere", () => {
  it("is administered end to end: setup with traits, username sign-in, lists and sessions named, re-auth", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await boot();
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.includes("/setup?token="));
    log.mockRestore();
    const token = new URL(line!.slice(line!.indexOf("http"))).searchParams.get("token")!;
    // An email has nowhere to go in this schema: refused with the reason, and the link stays usable.
    const noPlace = await call(setup.POST, "/api/setup", {
      method: "POST",
      body: { token, email: "grace@example.test", password: PASSWORD },
    });
    expect(noPlace.status).toBe(400);
    const made = await call(setup.POST, "/api/setup", {
      method: "POST",
      body: {
        token,
        traits: { username: "grace", phone: "+12015550177", name: { first: "Grace", last: "Hopper" } },
        password: PASSWORD,
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ email: null, display_name: "Grace Hopper", is_admin: true });

    const signedIn = await call(login.POST, "/api/auth/login", {
      method: "POST",
      body: { identifier: "grace", password: PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    const cookie = cookieFrom(signedIn);
    const again = await call(reauth.POST, "/api/auth/reauth", {
      method: "POST",
      body: { password: PASSWORD },
      headers: { cookie },
    });
    expect(again.status).toBe(200); // re-authentication signs in with the username, not an email
    const fresh = cookieFrom(again); // the re-authenticated session replaces (and revokes) the first one

    const created = await call(identities.POST, "/api/auth/identities", {
      method: "POST",
      body: { traits: { username: "linus", name: { first: "Linus" } } },
      headers: { cookie: fresh },
    });
    expect(created.status).toBe(201);
    const list = await call(identities.GET, "/api/auth/identities?page_size=100", { headers: { cookie: fresh } });
    const items = (list.body as { items: Ident[] }).items;
    expect(items.map((i) => i.display_name).sort()).toEqual(["Grace Hopper", "Linus"]);
    expect(items.every((i) => i.email === null && i.identifiers[0]?.kind === "username")).toBe(true);
    const s = await call(sessions.GET, "/api/auth/sessions", { headers: { cookie: fresh } });
    const labels = (s.body as { items: { identity_label: string | null }[] }).items.map((x) => x.identity_label);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => l === "Grace Hopper")).toBe(true);
  });
});
