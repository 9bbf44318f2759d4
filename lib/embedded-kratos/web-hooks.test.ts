import { CourierApi, Configuration } from "@ory/client";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { failure, startTestKratos, uniqueEmail, type TestKratos } from "@/lib/testing/embedded-kratos";
import type { WebHookBody } from "./index";

const SECRET = "a-hook-secret-that-is-long-enough-0123456789";
const PASSWORD = "a-long-original-passphrase";

/** A receiver that records what Kratos posts; `mode` makes it answer 204, 500, or never. */
async function receiver() {
  const got: { headers: http.IncomingHttpHeaders; body: WebHookBody }[] = [];
  const state = { mode: "ok" as "ok" | "fail" | "hang" };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      got.push({ headers: req.headers, body: JSON.parse(raw) as WebHookBody });
      if (state.mode === "ok") res.writeHead(204).end();
      else if (state.mode === "fail") res.writeHead(500).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/hooks/kratos`;
  return {
    url,
    got,
    state,
    /** Waits (bounded) until `n` hooks have arrived. */
    async count(n: number) {
      for (const deadline = Date.now() + 5000; got.length < n && Date.now() < deadline;)
        await new Promise((r) => setTimeout(r, 20));
      return got.slice(0);
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

let rx: Awaited<ReturnType<typeof receiver>>;
let k: TestKratos;
beforeAll(async () => {
  rx = await receiver();
  k = await startTestKratos({ webHook: { url: rx.url, secret: SECRET, timeoutMs: 2500 } });
});
afterAll(async () => {
  await k.stop();
  await rx.close();
});

async function login(email: string, password = PASSWORD) {
  const { data: flow } = await k.frontend.createNativeLoginFlow();
  const { data } = await k.frontend.updateLoginFlow({
    flow: flow.id,
    updateLoginFlowBody: { method: "password", identifier: email, password },
  });
  return { flow: flow.id, ...data };
}

describe("web hooks (selfservice.flows.*.after.hooks)", () => {
  test("every completed flow posts its event with the secret header and Truss's body shape", async () => {
    const email = uniqueEmail("hooks");
    const start = rx.got.length;
    const { data: rf } = await k.frontend.createNativeRegistrationFlow();
    const { data: reg } = await k.frontend.updateRegistrationFlow({
      flow: rf.id,
      updateRegistrationFlowBody: { method: "password", traits: { email }, password: PASSWORD },
    });
    const id = reg.identity.id;
    const signedIn = await login(email);
    const { data: sf } = await k.frontend.createNativeSettingsFlow({ xSessionToken: signedIn.session_token });
    await k.frontend.updateSettingsFlow({
      flow: sf.id,
      xSessionToken: signedIn.session_token ?? "",
      updateSettingsFlowBody: { method: "profile", traits: { email, name: { first: "Ada" } } },
    });
    const { data: issued } = await k.identity.createRecoveryCodeForIdentity({
      createRecoveryCodeForIdentityBody: { identity_id: id, flow_type: "api" },
    });
    const recoveryFlow = new URL(issued.recovery_link).searchParams.get("flow") ?? "";
    await k.frontend.updateRecoveryFlow({
      flow: recoveryFlow,
      updateRecoveryFlowBody: { method: "code", code: issued.recovery_code },
    });
    const courier = new CourierApi(new Configuration({ basePath: k.kratos.adminUrl }));
    const { data: vf } = await k.frontend.createNativeVerificationFlow();
    await k.frontend.updateVerificationFlow({ flow: vf.id, updateVerificationFlowBody: { method: "code", email } });
    const mail = (await courier.listCourierMessages({ recipient: email })).data.find((m) => m.body.includes(vf.id));
    const code = /\d{6}/.exec(mail?.subject ?? "")?.[0] ?? "";
    await k.frontend.updateVerificationFlow({ flow: vf.id, updateVerificationFlowBody: { method: "code", code } });

    const hooks = (await rx.count(start + 5)).slice(start);
    expect(hooks.map((x) => x.body.event)).toEqual(["registration", "login", "settings", "recovery", "verification"]);
    for (const { headers, body } of hooks) {
      expect(headers["x-truss-hook-secret"]).toBe(SECRET);
      expect(headers["content-type"]).toBe("application/json");
      expect(Object.keys(body).sort()).toEqual(["event", "flow_id", "identity_id", "session"]);
      expect(body.identity_id).toBe(id);
    }
    const [r, l, s, rec, v] = hooks.map((x) => x.body);
    expect(r!.flow_id).toBe(rf.id);
    expect(r!.session).toEqual({
      id: reg.session!.id,
      authenticated_at: reg.session!.authenticated_at,
      methods: [{ method: "password", provider: null }],
    });
    expect(l).toEqual({
      event: "login",
      identity_id: id,
      flow_id: signedIn.flow,
      session: {
        id: signedIn.session.id,
        authenticated_at: signedIn.session.authenticated_at,
        methods: [{ method: "password", provider: null }],
      },
    });
    expect(s!.flow_id).toBe(sf.id);
    expect(s!.session?.id).toBe(signedIn.session.id);
    expect(rec!.flow_id).toBe(recoveryFlow);
    expect(rec!.session?.methods).toEqual([{ method: "code_recovery", provider: null }]);
    expect(v).toEqual({ event: "verification", identity_id: id, flow_id: vf.id, session: null });
  });

  test("a failed sign-in sends nothing", async () => {
    const email = uniqueEmail("hooks-fail");
    await k.identity.createIdentity({
      createIdentityBody: {
        schema_id: "default",
        traits: { email },
        credentials: { password: { config: { password: PASSWORD } } },
      },
    });
    const start = rx.got.length;
    expect((await failure(login(email, "not-the-password-at-all"))).status).toBe(400);
    await login(email); // a hook that does arrive, so the failed one would have arrived before it
    expect((await rx.count(start + 1)).slice(start).map((x) => x.body.event)).toEqual(["login"]);
  });

  test("a receiver that fails or hangs never fails or slows the sign-in; the failure is logged", async () => {
    const email = uniqueEmail("hooks-down");
    await k.identity.createIdentity({
      createIdentityBody: {
        schema_id: "default",
        traits: { email },
        credentials: { password: { config: { password: PASSWORD } } },
      },
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      for (const mode of ["fail", "hang"] as const) {
        rx.state.mode = mode;
        const started = Date.now();
        expect((await login(email)).session_token).toMatch(/^ory_st_/);
        expect(Date.now() - started).toBeLessThan(2000); // not waiting for the receiver (2.5 s timeout)
        for (const deadline = Date.now() + 10_000; warn.mock.calls.length === 0 && Date.now() < deadline;)
          await new Promise((r) => setTimeout(r, 20));
        expect(String(warn.mock.calls[0]?.[0])).toMatch(mode === "fail" ? /HTTP 500/ : /web hook \(login\).*failed/);
        expect(String(warn.mock.calls[0]?.[0])).not.toContain(SECRET);
        warn.mockClear();
      }
    } finally {
      rx.state.mode = "ok";
      warn.mockRestore();
    }
  });
});
