import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, call, cookieFrom, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk, userLogin } from "@/lib/testing/users";
import { describeUserAgent } from "@/lib/utils";

// The sessions list tells people what they need: whose session (by email, not only by id), which device (parsed
// user agent), from where (the client's address without the ephemeral port), and which are the dashboard's own.
const h: Harness = await startHarness();
const login = await import("@/app/api/auth/login/route");
const sessions = await import("@/app/api/auth/sessions/route");
const { boot } = await import("@/lib/server/boot");

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
let cookie = "";
beforeAll(async () => {
  await boot();
  const r = await call(login.POST, "/api/auth/login", {
    method: "POST",
    body: ADMIN,
    headers: { "user-agent": IPHONE, "x-truss-client-ip": "203.0.113.9" },
  });
  expect(r.status).toBe(200);
  cookie = cookieFrom(r);
});
afterAll(() => h.close());

type S = {
  identity_email: string | null;
  via_dashboard: boolean;
  devices: { ip_address: string | null; user_agent: string | null }[];
};
const list = async (query: string) => {
  const r = await call(sessions.GET, `/api/auth/sessions?${query}`, { headers: { cookie } });
  expect(r.status).toBe(200);
  return (r.body as { items: S[] }).items;
};

describe("sessions: owner filter, device and address", () => {
  it("a dashboard sign-in records the admin's browser and address in Kratos, and is labelled as the dashboard's", async () => {
    const mine = await list(`identity=${encodeURIComponent(ADMIN.email)}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]).toMatchObject({
      identity_email: ADMIN.email,
      via_dashboard: true,
      devices: [{ ip_address: "203.0.113.9", user_agent: IPHONE }],
    });
    expect(describeUserAgent(mine[0]!.devices[0]!.user_agent)).toBe("Safari on iOS (iPhone)");
  });

  it("an app's own session is not the dashboard's, and its address has no port", async () => {
    const address = email("device");
    await sdk(h).identity.createIdentity({
      createIdentityBody: {
        schema_id: "default",
        traits: { email: address },
        credentials: { password: { config: { password: "Device-pass-1234" } } },
      },
    });
    await userLogin(h, address, "Device-pass-1234");
    const theirs = await list(`identity=${encodeURIComponent(address)}`);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.via_dashboard).toBe(false);
    expect(theirs[0]!.devices[0]!.ip_address).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
    expect(await list(`identity=${encodeURIComponent("nobody@example.test")}`)).toEqual([]);
  });

  it("names devices with a maintained parser: an iPhone is not macOS; tools are API clients", () => {
    expect(describeUserAgent(IPHONE)).toBe("Safari on iOS (iPhone)");
    expect(describeUserAgent("curl/8.5.0")).toBe("API client (curl)");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
      ),
    ).toBe("Chrome on Windows");
  });
});
