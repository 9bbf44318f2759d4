import http from "node:http";
import type net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, call, cookieFrom, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk } from "@/lib/testing/users";

// Import under stress: a batch answer that arrives after Truss's timeout, and sign-ins while a big plaintext
// import hashes at Kratos's real cost. Embedded Kratos at bcrypt cost 12, as in production.
const h: Harness = await startHarness({ KRATOS_TIMEOUT_MS: "4000" }, { bcryptCost: 12 });

// An admin-API proxy that, while `slow` is set, forwards the batch call but holds Kratos's answer past the timeout.
let slow = false;
let batchArrived: () => void = () => undefined;
const proxy = http.createServer((req, res) => {
  if (req.method === "PATCH" && req.url?.startsWith("/admin/identities")) batchArrived();
  const up = http.request(`${h.kratos.adminUrl}${req.url}`, { method: req.method, headers: req.headers }, (upRes) => {
    const chunks: Buffer[] = [];
    upRes.on("data", (c: Buffer) => chunks.push(c));
    upRes.on("end", () => {
      const send = () => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        res.end(Buffer.concat(chunks));
      };
      if (slow && req.method === "PATCH" && req.url?.startsWith("/admin/identities")) setTimeout(send, 5000);
      else send();
    });
  });
  req.pipe(up);
});
await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
process.env.KRATOS_ADMIN_URL = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;

const imp = await import("@/app/api/auth/users/import/route");
const login = await import("@/app/api/auth/login/route");
const { boot } = await import("@/lib/server/boot");
let cookie = "";

beforeAll(async () => {
  await boot();
  cookie = cookieFrom(await call(login.POST, "/api/auth/login", { method: "POST", body: ADMIN }));
});
afterAll(async () => {
  proxy.close();
  await h.close();
});

type Results = { results: { status: string; error?: { id: string } }[]; summary: { created: number } };

describe("import reconciliation after a timeout", () => {
  it("counts as created only identities this import made, not one that already existed", async () => {
    const existing = email("existed");
    await sdk(h).identity.createIdentity({ createIdentityBody: { schema_id: "default", traits: { email: existing } } });
    const fresh = [email("fresh"), email("fresh")];
    slow = true;
    const r = await call(imp.POST, "/api/auth/users/import", {
      method: "POST",
      body: { users: [{ email: fresh[0] }, { email: existing }, { email: fresh[1] }] },
      headers: { cookie },
    });
    slow = false;
    const body = r.body as Results;
    expect(body.results.map((x) => x.status)).toEqual(["created", "error", "created"]);
    expect(body.results[1]!.error!.id).toBe("conflict");
    expect(body.summary.created).toBe(2);
  });
});

describe("sign-ins during a big import", () => {
  it("an admin signs in while 100 plaintext passwords are hashed at cost 12", async () => {
    const users = Array.from({ length: 100 }, () => ({ email: email("bulk"), password: "Bulk-import-pass-1" }));
    const reached = new Promise<void>((resolve) => (batchArrived = resolve));
    const importing = call(imp.POST, "/api/auth/users/import", {
      method: "POST",
      body: { users },
      headers: { cookie },
    });
    await reached; // the batch is at Kratos, hashing: now sign in
    const signIn = await call(login.POST, "/api/auth/login", {
      method: "POST",
      body: ADMIN,
      headers: { "x-truss-client-ip": "192.0.2.77" },
    });
    // Starved behind the import's hashes, the sign-in used to hit the 4 s Kratos timeout (504).
    expect(signIn.status).toBe(200);
    expect(((await importing).body as Results).summary.created).toBe(100);
  }, 120_000);
});
