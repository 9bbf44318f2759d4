import { describe, expect, it } from "vitest";

process.env.TRUSS_SESSION_SECRET = "a-test-secret-of-at-least-thirty-two-characters";
process.env.TRUSS_SESSION_IDLE_MINUTES = "30";
const { readSession, sealSession } = await import("@/lib/session-cookie");

// The verified payload is remembered by the exact cookie string (issue 14's layer: one unseal per request instead of
// two); the limits are still checked on every read, and a changed cookie is never taken for a remembered one.
describe("readSession", () => {
  const now = Date.now();
  const payload = { v: 1 as const, kt: "ory_st_test", iid: "00000000-0000-4000-8000-0000000000a1", aat: now, lsa: now };

  it("reads a sealed cookie, and again from memory, with the idle limit applied to each read", async () => {
    const cookie = await sealSession(payload);
    expect(await readSession(cookie, now)).toEqual(payload);
    expect(await readSession(cookie, now + 1_000)).toEqual(payload);
    expect(await readSession(cookie, now + 31 * 60_000)).toBeNull(); // idle for 31 minutes
    expect(await readSession(cookie, now + 5_000)).toEqual(payload);
  });

  it("refuses a tampered or foreign cookie even right after reading the real one", async () => {
    const cookie = await sealSession(payload);
    expect(await readSession(cookie, now)).toEqual(payload);
    const i = cookie.length - 10;
    const tampered = cookie.slice(0, i) + (cookie[i] === "A" ? "B" : "A") + cookie.slice(i + 1);
    expect(await readSession(tampered, now)).toBeNull();
    expect(await readSession("Fe26.2**garbage", now)).toBeNull();
  });
});
