import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestKratos, uniqueEmail, type TestKratos } from "@/lib/testing/embedded-kratos";

const PASSWORD = "a-long-original-passphrase";
const UI = "http://127.0.0.1:4455";
let k: TestKratos;

beforeAll(async () => {
  k = await startTestKratos({
    selfService: {
      uiUrls: {
        registration: `${UI}/registration`,
        recovery: `${UI}/recovery`,
        settings: `${UI}/settings`,
        verification: `${UI}/verification`,
        error: `${UI}/error`,
        login: `${UI}/login`,
      },
      defaultReturnUrl: "http://127.0.0.1:8787/",
    },
  });
});
afterAll(() => k.stop());

/** A browser: a cookie jar over fetch, redirects not followed, with the Set-Cookie of every answer kept. */
function browser() {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  return {
    jar,
    setCookies,
    async fetch(
      path: string,
      init: { method?: string; form?: Record<string, string>; json?: unknown; accept?: string } = {},
    ) {
      const url = path.startsWith("http") ? path : `${k.kratos.publicUrl}${path}`;
      const headers: Record<string, string> = { Accept: init.accept ?? "text/html" };
      if (jar.size) headers.Cookie = [...jar].map(([n, v]) => `${n}=${v}`).join("; ");
      let body: string | undefined;
      if (init.form) {
        headers["Content-Type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams(init.form).toString();
      } else if (init.json !== undefined) {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(init.json);
      }
      const res = await fetch(url, {
        method: init.method ?? (body ? "POST" : "GET"),
        headers,
        body,
        redirect: "manual",
      });
      for (const c of res.headers.getSetCookie()) {
        setCookies.push(c);
        const [pair] = c.split(";");
        const [name, ...rest] = (pair ?? "").split("=");
        const value = rest.join("=");
        if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c) || value === "") jar.delete(name ?? "");
        else jar.set(name ?? "", value);
      }
      return res;
    },
  };
}

type Flow = {
  id: string;
  ui: { nodes: { attributes: { name?: string; value?: string } }[]; messages?: { id: number }[] };
};
const csrfOf = (f: Flow) => f.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value ?? "";

/** Starts a browser flow the way a UI does: init (303 to the UI), then fetch the flow as JSON. */
async function startFlow(b: ReturnType<typeof browser>, kind: string): Promise<Flow> {
  const init = await b.fetch(`/self-service/${kind}/browser`);
  expect(init.status).toBe(303);
  const id = new URL(init.headers.get("location") ?? "").searchParams.get("flow") ?? "";
  return (await (await b.fetch(`/self-service/${kind}/flows?id=${id}`, { accept: "application/json" })).json()) as Flow;
}

describe("browser flows with a cookie jar", () => {
  test("sign up by form post: CSRF checked, session cookie HttpOnly and Lax, whoami by cookie, logout", async () => {
    const b = browser();
    const email = uniqueEmail("browser-reg");
    const flow = await startFlow(b, "registration");
    expect(csrfOf(flow)).toHaveLength(88);
    const form = { method: "password", "traits.email": email, password: PASSWORD };
    const forged = await b.fetch(`/self-service/registration?flow=${flow.id}`, {
      form: { ...form, csrf_token: "forged" },
    });
    expect(forged.status).toBe(303);
    const errorId = new URL(forged.headers.get("location") ?? "").searchParams.get("id");
    const stored = (await (
      await b.fetch(`/self-service/errors?id=${errorId}`, { accept: "application/json" })
    ).json()) as { error: { id: string } };
    expect(stored.error.id).toBe("security_csrf_violation");
    const ok = await b.fetch(`/self-service/registration?flow=${flow.id}`, {
      form: { ...form, csrf_token: csrfOf(flow) },
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("http://127.0.0.1:8787/");
    const cookie = b.setCookies.find((c) => c.startsWith("ory_kratos_session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const who = await b.fetch("/sessions/whoami", { accept: "application/json" });
    expect(((await who.json()) as { identity: { traits: { email: string } } }).identity.traits.email).toBe(email);
    const logout = (await (await b.fetch("/self-service/logout/browser", { accept: "application/json" })).json()) as {
      logout_url: string;
      logout_token: string;
    };
    expect(logout.logout_token).toMatch(/^ory_lo_/);
    const out = await b.fetch(logout.logout_url);
    expect(out.status).toBe(303);
    expect((await b.fetch("/sessions/whoami", { accept: "application/json" })).status).toBe(401);
  });

  test("JSON answers for Accept: application/json; return_to outside the allow-list is refused", async () => {
    const b = browser();
    const res = await b.fetch("/self-service/registration/browser", { accept: "application/json" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { type: string }).type).toBe("browser");
    const evil = await b.fetch("/self-service/recovery/browser?return_to=https://evil.example/", {
      accept: "application/json",
    });
    expect(evil.status).toBe(400);
    expect(((await evil.json()) as { error: { id: string } }).error.id).toBe("self_service_flow_return_to_forbidden");
    const html = await b.fetch("/self-service/recovery/browser?return_to=https://evil.example/");
    expect(html.status).toBe(303);
    expect(html.headers.get("location")).toMatch(new RegExp(`^${UI}/error\\?id=`));
  });

  test("an admin-issued recovery link signs the browser in and leads to settings; the link works once", async () => {
    const email = uniqueEmail("browser-link");
    const { data: user } = await k.identity.createIdentity({
      createIdentityBody: {
        schema_id: "default",
        traits: { email },
        credentials: { password: { config: { password: PASSWORD } } },
      },
    });
    const { data: link } = await k.identity.createRecoveryLinkForIdentity({
      createRecoveryLinkForIdentityBody: { identity_id: user.id },
    });
    const b = browser();
    const res = await b.fetch(link.recovery_link);
    expect(res.status).toBe(303);
    const settingsUrl = new URL(res.headers.get("location") ?? "");
    expect(settingsUrl.origin + settingsUrl.pathname).toBe(`${UI}/settings`);
    const flow = (await (
      await b.fetch(`/self-service/settings/flows?id=${settingsUrl.searchParams.get("flow")}`, {
        accept: "application/json",
      })
    ).json()) as Flow;
    expect(flow.ui.messages?.[0]?.id).toBe(1060001);
    const saved = await b.fetch(`/self-service/settings?flow=${flow.id}`, {
      form: { method: "password", password: "a-brand-new-passphrase-9", csrf_token: csrfOf(flow) },
    });
    expect(saved.status).toBe(303);
    const reuse = await browser().fetch(link.recovery_link);
    expect(new URL(reuse.headers.get("location") ?? "").pathname).toBe("/recovery");
  });

  test("browser recovery with a code by form post; verification by the e-mailed link", async () => {
    const email = uniqueEmail("browser-code");
    await k.identity.createIdentity({ createIdentityBody: { schema_id: "default", traits: { email } } });
    const b = browser();
    const flow = await startFlow(b, "recovery");
    const sent = await b.fetch(`/self-service/recovery?flow=${flow.id}`, {
      form: { method: "code", email, csrf_token: csrfOf(flow) },
    });
    expect(sent.headers.get("location")).toBe(`${UI}/recovery?flow=${flow.id}`);
    const messages = (await (
      await fetch(`${k.kratos.adminUrl}/admin/courier/messages?recipient=${encodeURIComponent(email)}`)
    ).json()) as { subject: string }[];
    const code = /\d{6}/.exec(messages[0]?.subject ?? "")?.[0] ?? "";
    const done = await b.fetch(`/self-service/recovery?flow=${flow.id}`, {
      form: { method: "code", code, csrf_token: csrfOf(flow) },
    });
    expect(new URL(done.headers.get("location") ?? "").pathname).toBe("/settings");
    expect(b.jar.has("ory_kratos_session")).toBe(true);

    const v = browser();
    const vflow = await startFlow(v, "verification");
    const other = uniqueEmail("browser-verify");
    const { data: user } = await k.identity.createIdentity({
      createIdentityBody: { schema_id: "default", traits: { email: other } },
    });
    await v.fetch(`/self-service/verification?flow=${vflow.id}`, {
      form: { method: "code", email: other, csrf_token: csrfOf(vflow) },
    });
    const mail = (await (
      await fetch(`${k.kratos.adminUrl}/admin/courier/messages?recipient=${encodeURIComponent(other)}`)
    ).json()) as { body: string }[];
    const linkUrl = /http:\S+\/self-service\/verification\?code=\S+/.exec(mail[0]?.body ?? "")?.[0] ?? "";
    expect((await v.fetch(linkUrl)).status).toBe(303);
    const { data: after } = await k.identity.getIdentity({ id: user.id });
    expect(after.verifiable_addresses?.[0]?.verified).toBe(true);
  });
});
