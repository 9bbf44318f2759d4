import type { Case } from "./case";
import { PASSWORD, emailFor, seedIdentity } from "./helpers";
import { browserInit, formErrors, maskCodes } from "./selfservice-helpers";

const submit = (t: Parameters<Case["run"]>[0], flow: string, body: Record<string, unknown>) =>
  t.frontend.updateRegistrationFlow({ flow, updateRegistrationFlowBody: body as never });

/** Registration (password method), API and browser. */
export const registrationCases: Case[] = [
  {
    name: "createNativeRegistrationFlow (nodes from the identity schema)",
    run: async (t, r) => void (await r.sdk("create", t.frontend.createNativeRegistrationFlow({}))),
  },
  {
    name: "updateRegistrationFlow: password sign-up (session hook, verification sent)",
    run: async (t, r) => {
      const email = emailFor("reg-ok");
      const { data: flow } = await t.frontend.createNativeRegistrationFlow({});
      await r.sdk("submit", submit(t, flow.id, { method: "password", traits: { email }, password: PASSWORD }));
      await r.sdk("courier", t.courier.listCourierMessages({ recipient: email }), maskCodes);
    },
  },
  ...(
    [
      ["updateRegistrationFlow: missing email", { method: "password", traits: {}, password: PASSWORD }],
      [
        "updateRegistrationFlow: invalid email",
        { method: "password", traits: { email: "not-an-email" }, password: PASSWORD },
      ],
      ["updateRegistrationFlow: short password", { method: "password", traits: { email: "EMAIL" }, password: "short" }],
      ["updateRegistrationFlow: missing password", { method: "password", traits: { email: "EMAIL" } }],
      [
        "updateRegistrationFlow: password similar to the identifier",
        { method: "password", traits: { email: "EMAIL" }, password: "EMAIL" },
      ],
      ["updateRegistrationFlow: no method", { traits: { email: "EMAIL" } }],
      ["updateRegistrationFlow: profile step first", { method: "profile", traits: { email: "EMAIL" } }],
    ] as const
  ).map(([name, body], i): Case => ({
    name,
    run: async (t, r) => {
      const email = emailFor("reg-bad", i);
      const fill = (v: unknown): unknown =>
        v === "EMAIL"
          ? email
          : v && typeof v === "object"
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]))
            : v;
      const { data: flow } = await t.frontend.createNativeRegistrationFlow({});
      await r.sdk("submit", submit(t, flow.id, fill(body) as Record<string, unknown>), formErrors);
    },
  })),
  {
    name: "updateRegistrationFlow: duplicate identifier (any case)",
    run: async (t, r) => {
      const email = emailFor("reg-dup");
      await seedIdentity(t, email);
      const { data: flow } = await t.frontend.createNativeRegistrationFlow({});
      await r.sdk(
        "submit",
        submit(t, flow.id, { method: "password", traits: { email: email.toUpperCase() }, password: PASSWORD }),
        formErrors,
      );
    },
  },
  {
    name: "registration browser flow: JSON init, HTML init, forbidden return_to",
    run: async (t, r) => {
      await r.http("json", "GET", "/self-service/registration/browser", {
        project: (b) => ({ type: (b as { type?: string }).type }),
      });
      await r.http("html", "GET", "/self-service/registration/browser", {
        headers: { Accept: "text/html" },
        project: () => null,
      });
      await r.http("return_to", "GET", "/self-service/registration/browser?return_to=https://evil.example/");
    },
  },
  {
    name: "registration browser flow: form post without and with the CSRF token",
    run: async (t, r) => {
      const email = emailFor("reg-browser");
      const { flow, cookie, csrf } = await browserInit(t, "registration");
      const form = { method: "password", "traits.email": email, password: PASSWORD };
      await r.http("forged", "POST", `/self-service/registration?flow=${flow.id}`, {
        form: { ...form, csrf_token: "forged" },
        headers: { Cookie: cookie },
      });
      await r.http("ok", "POST", `/self-service/registration?flow=${flow.id}`, {
        form: { ...form, csrf_token: csrf },
        headers: { Cookie: cookie, Accept: "text/html" },
        project: () => null,
      });
    },
  },
];
