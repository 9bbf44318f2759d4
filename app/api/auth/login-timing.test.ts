import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk } from "@/lib/testing/users";

// The timing oracle: Kratos sleeps a random 0–1 s for unknown identifiers and pays a hash for known ones, so
// without Truss's floor a reply's latency says whether the account exists. Embedded Kratos is tuned to do the
// same here (real Kratos does it by itself); the floor is the production default.
const h: Harness = await startHarness(
  { TRUSS_LOGIN_FAILURE_MIN_MS: "" },
  { bcryptCost: 10, unknownIdentifierDelayMs: [0, 1000] },
);
const login = await import("@/app/api/auth/login/route");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let known = "";

beforeAll(async () => {
  known = email("timing");
  await sdk(h).identity.createIdentity({
    createIdentityBody: {
      schema_id: "default",
      traits: { email: known },
      credentials: { password: { config: { password: "Known-pass-123" } } },
    },
  });
});
afterAll(() => h.close());

async function timed(identifier: string, i: number): Promise<number> {
  const started = performance.now();
  const r = await call(login.POST, "/api/auth/login", {
    method: "POST",
    body: { email: identifier, password: `Wrong-pass-${i}` },
    headers: { "x-truss-client-ip": `192.0.2.${i}` },
  });
  expect(r.status).toBe(401);
  return performance.now() - started;
}

describe("sign-in timing", () => {
  it("wrong-password and unknown-account latencies overlap: no reply says the account does not exist", async () => {
    // Interleaved and concurrent, so both kinds meet the same machine load.
    const all = await Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? timed(known, i) : timed(email("nobody"), 10 + i))),
    );
    const wrong = all.filter((_, i) => i % 2 === 0);
    const unknown = all.filter((_, i) => i % 2 === 1);
    // Neither side is faster than the other's slowest: the two ranges overlap, and their medians sit together.
    expect(Math.min(...unknown)).toBeLessThanOrEqual(Math.max(...wrong));
    expect(Math.min(...wrong)).toBeLessThanOrEqual(Math.max(...unknown));
    expect(Math.abs(median(unknown) - median(wrong))).toBeLessThan(250);
    expect(Math.min(...unknown, ...wrong)).toBeGreaterThanOrEqual(1900);
  });
});
