import { expect, request, type APIRequestContext, type Page } from "@playwright/test";
import { uniqueEmail } from "../fixtures";

/** The embedded Kratos public API the e2e server starts (scripts/e2e-server.ts; embedded or real). */
export const KRATOS_PUBLIC = `http://127.0.0.1:${process.env.E2E_KRATOS_PUBLIC_PORT ?? "4533"}`;
export const USER_PASSWORD = "e2e-User-pass-7q";

export interface SeededUser {
  id: string;
  email: string;
}

/** Creates a user through the dashboard API (page.request carries the admin cookie). */
export async function createUser(page: Page, tag: string, extra: Record<string, unknown> = {}): Promise<SeededUser> {
  const email = uniqueEmail(tag);
  const res = await page.request.post("/api/auth/identities", { data: { email, password: USER_PASSWORD, ...extra } });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { id: string };
  return { id: body.id, email };
}

/** A cookie-less client, as a native app would be (the admin cookie would make Kratos reject API flows). */
async function withApp<T>(fn: (app: APIRequestContext) => Promise<T>): Promise<T> {
  const app = await request.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    return await fn(app);
  } finally {
    await app.dispose();
  }
}

/** Signs the user in as an app would (Kratos native login flow) and returns the session token. */
export function signInAsUser(email: string, password = USER_PASSWORD): Promise<string> {
  return withApp(async (app) => {
    const flow = await app.get(`${KRATOS_PUBLIC}/self-service/login/api`);
    expect(flow.ok(), await flow.text()).toBeTruthy();
    const { id } = (await flow.json()) as { id: string };
    const res = await app.post(`${KRATOS_PUBLIC}/self-service/login?flow=${id}`, {
      data: { method: "password", identifier: email, password },
    });
    expect(res.ok(), await res.text()).toBeTruthy();
    return ((await res.json()) as { session_token: string }).session_token;
  });
}

/** True while the session token is still accepted by Kratos. */
export function sessionWorks(token: string): Promise<boolean> {
  return withApp(async (app) =>
    (await app.get(`${KRATOS_PUBLIC}/sessions/whoami`, { headers: { "X-Session-Token": token } })).ok(),
  );
}

export async function activeSessionCount(page: Page, id: string): Promise<number> {
  const res = await page.request.get(`/api/auth/identities/${id}/sessions`);
  expect(res.ok()).toBeTruthy();
  const body = (await res.json()) as { items: { active: boolean }[] };
  return body.items.filter((s) => s.active).length;
}
