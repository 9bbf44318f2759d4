import { expect, request, test } from "@playwright/test";
import { ADMIN } from "../fixtures";
import { createUser, sessionWorks, signInAsUser } from "./helpers";

// The e2e server's session secret (scripts/e2e-server.ts): lets this test age a cookie's sign-in time.
process.env.TRUSS_SESSION_SECRET = "e2e-session-secret-canary-0123456789abcdef";

test.describe("re-authentication", () => {
  test("an old sign-in is asked for the password before a reset; the reset then goes through", async ({
    page,
    context,
    baseURL,
  }) => {
    const { readSession, sealSession } = await import("../../lib/session-cookie");
    // A sign-in of this test's own (the shared one must stay untouched), then aged by three hours.
    const app = await request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const res = await app.post("/api/auth/login", { data: ADMIN });
    expect(res.ok()).toBeTruthy();
    const own = (await app.storageState()).cookies.find((c) => c.name === "truss_session")!;
    await app.dispose();
    const payload = (await readSession(decodeURIComponent(own.value)))!;
    const aged = await sealSession({ ...payload, aat: Date.now() - 3 * 3600_000 });
    await context.addCookies([{ ...own, value: encodeURIComponent(aged) }]);

    const user = await createUser(page, "reauth");
    const token = await signInAsUser(user.email);
    await page.goto(`/users/${user.id}`);
    await page.getByLabel("New password").fill("after-Reauth-pass-7");
    await page.getByRole("button", { name: "Reset password" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Your password").fill("not-my-password");
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(dialog.getByText("That password is not right.")).toBeVisible();
    await dialog.getByLabel("Your password").fill(ADMIN.password);
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Password reset; signed out everywhere.")).toBeVisible();
    expect(await sessionWorks(token)).toBe(false);
  });
});
