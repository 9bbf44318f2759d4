import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootAndSignIn, call, startHarness, type Harness } from "@/lib/testing/harness";
import { email, sdk } from "@/lib/testing/users";

const h: Harness = await startHarness();
const list = await import("@/app/api/auth/courier/messages/route");
const one = await import("@/app/api/auth/courier/messages/[id]/route");

let cookie = "";
type Page = {
  items: { id: string; recipient: string; template_type: string; body: string; status: string }[];
  next_page_token: string | null;
};

beforeAll(async () => {
  cookie = await bootAndSignIn();
});
afterAll(() => h.close());

describe("courier messages", () => {
  it("lists what the courier sent, filtered by recipient and status, and shows one with its body", async () => {
    const { identity, frontend } = sdk(h);
    const to = email("courier");
    await identity.createIdentity({ createIdentityBody: { schema_id: "default", traits: { email: to } } });
    const { data: flow } = await frontend.createNativeRecoveryFlow();
    await frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", email: to } });

    const res = await call(list.GET, `/api/auth/courier/messages?recipient=${encodeURIComponent(to)}`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const page = res.body as Page;
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ recipient: to, template_type: "recovery_code_valid", status: "queued" });
    const id = page.items[0]?.id ?? "";
    const got = await call(one.GET, `/api/auth/courier/messages/${id}`, { headers: { cookie }, params: { id } });
    expect((got.body as { body: string }).body).toMatch(/\d{6}/);

    const sent = await call(list.GET, `/api/auth/courier/messages?status=sent&recipient=${encodeURIComponent(to)}`, {
      headers: { cookie },
    });
    expect((sent.body as Page).items).toEqual([]);
    expect((await call(list.GET, "/api/auth/courier/messages?status=bogus", { headers: { cookie } })).status).toBe(400);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(
      (await call(one.GET, `/api/auth/courier/messages/${missing}`, { headers: { cookie }, params: { id: missing } }))
        .status,
    ).toBe(404);
    expect((await call(list.GET, "/api/auth/courier/messages")).status).toBe(401);
  });
});
