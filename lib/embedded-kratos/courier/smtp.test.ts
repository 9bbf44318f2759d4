import { CourierApi, Configuration } from "@ory/client";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AddressInfo } from "node:net";
import { startTestKratos, uniqueEmail, type TestKratos } from "@/lib/testing/embedded-kratos";

// EMBEDDED_KRATOS_SMTP_URL: messages are stored as always, and also handed to a real SMTP server (smtp-server here).
interface Received {
  from: string;
  to: string[];
  data: string;
}
const received: Received[] = [];
let arrived: (m: Received) => void = () => undefined;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, done) {
    let data = "";
    stream.on("data", (c: Buffer) => (data += c.toString()));
    stream.on("end", () => {
      const m = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
        data,
      };
      received.push(m);
      arrived(m);
      done();
    });
  },
});
let k: TestKratos;

beforeAll(async () => {
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  const { port } = smtp.server.address() as AddressInfo;
  k = await startTestKratos({
    selfService: { smtpUrl: `smtp://127.0.0.1:${port}/?disable_starttls=true`, smtpFrom: "no-reply@truss.test" },
  });
});
afterAll(async () => {
  await k.stop();
  await new Promise<void>((r) => smtp.close(() => r()));
});

describe("SMTP delivery", () => {
  test("a self-service recovery code is sent by SMTP to the address, and the stored message says sent", async () => {
    const email = uniqueEmail("smtp");
    await k.identity.createIdentity({ createIdentityBody: { schema_id: "default", traits: { email } } });
    const delivered = new Promise<Received>((r) => (arrived = r));
    const { data: flow } = await k.frontend.createNativeRecoveryFlow();
    await k.frontend.updateRecoveryFlow({ flow: flow.id, updateRecoveryFlowBody: { method: "code", email } });
    const mail = await delivered;
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe("no-reply@truss.test");
    const courier = new CourierApi(new Configuration({ basePath: k.kratos.adminUrl }));
    const { data: stored } = await courier.listCourierMessages({ recipient: email });
    const code = /\d{6}/.exec(stored[0]?.subject ?? "")?.[0];
    expect(code).toMatch(/^\d{6}$/);
    expect(mail.data).toContain(code);
    // The courier records the delivery (status and send count) as Kratos's does.
    await expect
      .poll(async () => (await courier.listCourierMessages({ recipient: email })).data[0]?.status)
      .toBe("sent");
  });
});
