import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { KRATOS_PUBLIC, createUser, signInAsUser } from "./helpers";

const NEW_PASSWORD = "e2e-New-pass-after-recovery-8r";

/** A client with its own cookie jar and none of the admin's cookies, as the user's device would be. */
async function withClient<T>(fn: (client: APIRequestContext) => Promise<T>): Promise<T> {
  const client = await request.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    return await fn(client);
  } finally {
    await client.dispose();
  }
}

type Flow = {
  id: string;
  state?: string;
  ui: { nodes: { attributes: { name?: string; value?: unknown } }[] };
  continue_with?: { action: string; flow?: { id: string } }[];
};

/**
 * Redeems a recovery code through Kratos's recovery flow over JSON, then sets a new password in the
 * settings flow it leads to. The dashboard issues the code for a browser flow, so the client keeps the
 * session cookie Kratos sets (continue_with show_settings_ui; real Kratos without continue_with
 * transitions answers 422 with redirect_browser_to instead).
 */
async function recoverAndSetPassword(flowId: string, code: string, password: string): Promise<void> {
  await withClient(async (client) => {
    const json = { Accept: "application/json" };
    const redeem = await client.post(`${KRATOS_PUBLIC}/self-service/recovery?flow=${flowId}`, {
      headers: json,
      data: { method: "code", code },
    });
    const body = (await redeem.json()) as Flow & { redirect_browser_to?: string };
    expect([200, 422], JSON.stringify(body)).toContain(redeem.status());
    const settingsId =
      body.continue_with?.find((c) => c.action === "show_settings_ui")?.flow?.id ??
      new URL(body.redirect_browser_to ?? "http://x/").searchParams.get("flow") ??
      "";
    expect(settingsId).not.toBe("");
    const flowRes = await client.get(`${KRATOS_PUBLIC}/self-service/settings/flows?id=${settingsId}`, {
      headers: json,
    });
    expect(flowRes.ok(), await flowRes.text()).toBeTruthy();
    const settings = (await flowRes.json()) as Flow;
    const csrf = settings.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value;
    const saved = await client.post(`${KRATOS_PUBLIC}/self-service/settings?flow=${settingsId}`, {
      headers: json,
      data: { method: "password", password, csrf_token: typeof csrf === "string" ? csrf : "" },
    });
    expect(saved.ok(), await saved.text()).toBeTruthy();
    expect(((await saved.json()) as Flow).state).toBe("success");
  });
}

/** The user asks for a recovery code themselves (native recovery flow): the courier sends this one. */
async function requestRecoveryEmail(email: string): Promise<void> {
  await withClient(async (client) => {
    const flow = (await (await client.get(`${KRATOS_PUBLIC}/self-service/recovery/api`)).json()) as Flow;
    const res = await client.post(`${KRATOS_PUBLIC}/self-service/recovery?flow=${flow.id}`, {
      data: { method: "code", email },
    });
    expect(res.ok(), await res.text()).toBeTruthy();
  });
}

test.describe("messages", () => {
  test("an admin-issued recovery code is redeemed by the user; self-service codes show on the Messages page", async ({
    page,
  }) => {
    const user = await createUser(page, "messages");
    await page.goto(`/users/${user.id}`);
    await page.getByRole("button", { name: "Create recovery code" }).click();
    const result = page.getByRole("status").filter({ hasText: "Code:" });
    await expect(result).toBeVisible();
    const code = (await result.locator("code").first().textContent())?.trim() ?? "";
    const link = (await result.locator("code").nth(1).textContent())?.trim() ?? "";
    expect(code).toMatch(/^\d{6}$/);
    const flowId = new URL(link).searchParams.get("flow") ?? "";

    await recoverAndSetPassword(flowId, code, NEW_PASSWORD);
    expect(await signInAsUser(user.email, NEW_PASSWORD)).toMatch(/^ory_st_/);

    // Kratos sends nothing for admin-issued codes. The password change does send one message: a
    // verification code for the still-unverified address (Kratos's verification hook after settings).
    await page.getByRole("link", { name: "Messages sent to this user" }).click();
    await expect(page).toHaveURL(/\/messages\?recipient=/);
    const table = page.getByRole("table", { name: "Courier messages" });
    await expect(table.getByRole("cell", { name: "verification_code_valid" })).toBeVisible();
    await expect(table.getByRole("cell", { name: "recovery_code_valid" })).toHaveCount(0);

    // A self-service recovery does send a code; the Messages page shows it with its body.
    await requestRecoveryEmail(user.email);
    await page.reload();
    await expect(table.getByRole("cell", { name: "recovery_code_valid" })).toBeVisible();
    await table.getByRole("button", { name: /View message "Use code \d{6} to recover access/ }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("region", { name: "Message body" })).toContainText(/\d{6}/);

    // Filters: nothing is "sent" by the embedded courier without SMTP, and the status filter says so.
    await dialog.getByRole("button", { name: "Close dialog" }).click();
    await page.getByLabel("Filter by status").selectOption("sent");
    await expect(page.getByText("No messages")).toBeVisible();
  });
});
