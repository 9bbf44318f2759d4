import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail } from "../fixtures";
import { signInAsUser, USER_PASSWORD } from "./helpers";

// The forms generated from identity schemas (create user, edit profile) and the /schemas page, on the e2e server's
// two schemas: `default` (email + name) and `staff` (username, phone, name, department, newsletter, tags; no email).
// Phones come from libphonenumber's example range; this spec keeps to +1201555012x–014x.

const tagOf = (p: string) => `${p}${Date.now().toString(36)}`;

async function traitsOf(page: Page, id: string): Promise<{ schema_id: string; traits: Record<string, unknown> }> {
  const res = await page.request.get(`/api/auth/identities/${id}`);
  expect(res.ok(), await res.text()).toBeTruthy();
  return (await res.json()) as { schema_id: string; traits: Record<string, unknown> };
}

async function openCreateDialog(page: Page) {
  await page.goto("/users");
  await page.getByRole("button", { name: "Create user" }).click();
  const dialog = page.getByRole("dialog", { name: "Create user" });
  // The schemas and the form's code load on first open: a loaded machine may take a while.
  await expect(dialog.getByLabel("Identity schema", { exact: true })).toHaveValue("default", { timeout: 15_000 });
  return dialog;
}

const userId = (page: Page) => page.url().split("/").pop() ?? "";

test.describe("schema forms", () => {
  test("an admin creates a staff user through the generated form and finds it by its display name", async ({
    page,
  }) => {
    const username = tagOf("ada");
    const dialog = await openCreateDialog(page);
    await dialog.getByLabel("Identity schema", { exact: true }).selectOption("staff");
    await expect(dialog.getByText("Signs in with: Username, Phone.")).toBeVisible();
    await dialog.getByLabel("Username").fill(username);
    await dialog.getByLabel("Phone").fill("+12015550123");
    await dialog.getByLabel("First name").fill("Ada");
    await dialog.getByLabel("Last name").fill("Lovelace");
    await dialog.getByLabel("Department").selectOption("engineering");
    await dialog.getByLabel("Newsletter").check();
    await dialog.getByRole("button", { name: "Add to Tags" }).click();
    await dialog.getByLabel("Tags 1", { exact: true }).fill("oncall");
    await dialog.getByRole("button", { name: "Add to Tags" }).click();
    await dialog.getByLabel("Tags 2", { exact: true }).fill("drop-me");
    await dialog.getByRole("button", { name: "Remove Tags 2" }).click();
    await expect(dialog.getByLabel("Tags 2", { exact: true })).toHaveCount(0);
    await dialog.getByLabel("Password").fill(USER_PASSWORD);
    await dialog.getByRole("button", { name: "Create", exact: true }).click();

    await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("main").getByText("Ada Lovelace", { exact: true }).first()).toBeVisible();
    expect(await traitsOf(page, userId(page))).toMatchObject({
      schema_id: "staff",
      traits: {
        username,
        phone: "+12015550123",
        name: { first: "Ada", last: "Lovelace" },
        department: "engineering",
        newsletter: true,
        tags: ["oncall"],
      },
    });
    // The password was set: the user signs in with the username.
    expect(await signInAsUser(username)).toBeTruthy();
  });

  test("a schema rule shows its message beside the field, and the message goes once the value is fixed", async ({
    page,
  }) => {
    const dialog = await openCreateDialog(page);
    await dialog.getByLabel("Identity schema", { exact: true }).selectOption("staff");
    const username = dialog.getByLabel("Username");
    await username.fill("ab");
    await username.press("Tab");
    await expect(dialog.getByText("Must be at least 3 characters")).toBeVisible();
    await expect(username).toHaveAttribute("aria-invalid", "true");
    await expect(username).toHaveAccessibleDescription("Must be at least 3 characters");
    await username.fill(tagOf("abc"));
    await expect(dialog.getByText("Must be at least 3 characters")).toHaveCount(0);
    await expect(username).not.toHaveAttribute("aria-invalid");

    // Submitting with a required field empty: its message shows and it gets the focus; nothing is created.
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await expect(dialog.getByLabel("First name")).toBeFocused();
    await expect(dialog.getByLabel("First name")).toHaveAccessibleDescription("Required");
    await expect(page).toHaveURL(/\/users$/);

    const { violations } = await new AxeBuilder({ page }).include("dialog").analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });

  test("the form's code (RJSF) loads only when a form opens, not with the users page", async ({ page }) => {
    const scripts: string[] = [];
    page.on("response", (r) => {
      if (/\/_next\/static\/.*\.js(\?|$)/.test(r.url())) scripts.push(r.url());
    });
    const sizes = new Map<string, number>();
    const hasRjsf = async (urls: string[]) => {
      let found = false;
      for (const url of urls) {
        const text = await (await page.request.get(url)).text();
        sizes.set(url, text.length);
        found ||= text.includes("__rjsf_");
      }
      return found;
    };
    const kb = (urls: string[]) => `${Math.round(urls.reduce((n, u) => n + (sizes.get(u) ?? 0), 0) / 1024)} kB`;
    await page.goto("/users");
    await expect(page.getByRole("button", { name: "Create user" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const initial = [...scripts];
    expect(initial.length).toBeGreaterThan(0);
    expect(await hasRjsf(initial)).toBe(false);
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("dialog", { name: "Create user" }).getByLabel("E-Mail")).toBeVisible({
      timeout: 15_000,
    });
    const later = scripts.filter((s) => !initial.includes(s));
    expect(await hasRjsf(later)).toBe(true);
    // For the record (uncompressed): the users page's scripts, and what opening the form adds.
    console.log(`[js] users page ${kb(initial)}; opening the form adds ${kb(later)}`);
  });

  test("an admin creates a user of the default schema through the form", async ({ page }) => {
    const email = uniqueEmail("form");
    const dialog = await openCreateDialog(page);
    await dialog.getByLabel("E-Mail").fill(email);
    await dialog.getByLabel("First Name").fill("Katherine");
    await dialog.getByLabel("Last Name").fill("Johnson");
    await dialog.getByLabel("State").selectOption("inactive");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();

    await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}$/);
    const user = await traitsOf(page, userId(page));
    expect(user).toMatchObject({ schema_id: "default", state: "inactive" });
    expect(user.traits).toEqual({ email, name: { first: "Katherine", last: "Johnson" } });
  });

  test("an admin edits a staff profile through the form and as raw JSON; Kratos's refusal is shown", async ({
    page,
  }) => {
    const username = tagOf("grace");
    const res = await page.request.post("/api/auth/identities", {
      data: { schema_id: "staff", traits: { username, name: { first: "Grace", last: "Hopper" }, tags: ["navy"] } },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await page.goto(`/users/${id}`);
    const profile = page.locator("section", { has: page.getByRole("heading", { name: "Profile", exact: true }) });

    const last = profile.getByLabel("Last name");
    await expect(last).toHaveValue("Hopper", { timeout: 15_000 });
    await expect(profile.getByLabel("Tags 1", { exact: true })).toHaveValue("navy");
    await last.fill("Murray Hopper");
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expect
      .poll(async () => (await traitsOf(page, id)).traits)
      .toEqual({ username, name: { first: "Grace", last: "Murray Hopper" }, tags: ["navy"] });
    await expect(profile.getByLabel("Last name")).toHaveValue("Murray Hopper");

    await profile.getByText("Advanced: edit raw JSON").click();
    const json = profile.getByLabel("Traits (JSON)");
    await expect(json).toHaveValue(/"Murray Hopper"/);
    await json.fill("{ not json");
    await expect(profile.getByText(/Invalid JSON/)).toBeVisible();
    await expect(profile.getByRole("button", { name: "Save JSON" })).toBeDisabled();
    await json.fill(JSON.stringify({ username, name: { first: "Grace" }, department: "support" }));
    await profile.getByRole("button", { name: "Save JSON" }).click();
    await expect
      .poll(async () => (await traitsOf(page, id)).traits)
      .toEqual({ username, name: { first: "Grace" }, department: "support" });
    await expect(profile.getByLabel("Department").locator("option:checked")).toHaveText("support");

    // Kratos validates raw JSON on save; its reason names the field by its title.
    await profile.getByText("Advanced: edit raw JSON").click();
    await profile.getByLabel("Traits (JSON)").fill(JSON.stringify({ username: "x", name: { first: "Grace" } }));
    await profile.getByRole("button", { name: "Save JSON" }).click();
    await expect(profile.getByRole("alert")).toContainText("Username:");
    expect((await traitsOf(page, id)).traits.username).toBe(username);
  });

  test("the schemas page shows each schema's identifiers, addresses and traits, and its raw JSON on demand", async ({
    page,
  }) => {
    await page.goto("/schemas");
    await expect(page.getByRole("heading", { level: 1, name: "Identity schemas" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Schemas" })).toHaveAttribute(
      "aria-current",
      "page",
    );

    const person = page.getByRole("region", { name: "Person" });
    await expect(person.locator("span").getByText("default", { exact: true })).toBeVisible();
    await expect(person).toContainText("ID default");
    await expect(person.getByRole("listitem").filter({ hasText: "email" }).first()).toContainText("password");
    await expect(person).toContainText("email via email");

    const staff = page.getByRole("region", { name: "Staff member" });
    await expect(staff.locator("span").getByText("default", { exact: true })).toHaveCount(0);
    await expect(staff).toContainText("ID staff");
    for (const kind of ["username", "phone"])
      await expect(staff.getByText(kind, { exact: true }).first()).toBeVisible();
    const tree = staff.getByRole("list", { name: "Traits of Staff member" });
    await expect(tree.getByRole("listitem").filter({ hasText: "department" })).toContainText(
      "one of: engineering, support, sales",
    );
    // `name.first` is nested under `name`: the innermost item is its own.
    await expect(tree.getByRole("listitem").filter({ hasText: "name.first" }).last()).toContainText("required");
    await expect(tree.getByRole("listitem").filter({ hasText: "phone" })).toContainText("string (tel)");
    await expect(tree.getByRole("listitem").filter({ hasText: "tags" })).toContainText("list of string");

    const raw = staff.getByLabel("JSON Schema of Staff member");
    await expect(raw).toBeHidden();
    await staff.getByText("Raw JSON Schema").click();
    await expect(raw).toBeVisible();
    await expect(raw).toContainText('"ory.sh/kratos"');
    await expect(staff.getByRole("button", { name: "Copy JSON" })).toBeVisible();
    await staff.getByText("Raw JSON Schema").click();
    await expect(raw).toBeHidden();
  });
});
