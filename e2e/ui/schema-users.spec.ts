import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createUser, USER_PASSWORD } from "./helpers";

// Users of the e2e server's second schema, `staff` (deploy/kratos/schemas/username-phone.schema.json): a username
// and a phone number sign in, no email anywhere. Phones come from libphonenumber's example range +1201555015x–019x.

interface Listed {
  id: string;
  schema_id: string;
  state: string;
  display_name: string;
  traits: Record<string, unknown>;
}

const tagOf = (p: string) => `${p}${Date.now().toString(36)}`;

async function createStaff(page: Page, traits: Record<string, unknown>, state = "active"): Promise<string> {
  const res = await page.request.post("/api/auth/identities", {
    data: { schema_id: "staff", traits, password: USER_PASSWORD, state },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function listByPrefix(page: Page, search: string): Promise<Listed[]> {
  const res = await page.request.get("/api/auth/identities", { params: { search, page_size: 50 } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ((await res.json()) as { items: Listed[] }).items;
}

test.describe("users of any schema", () => {
  test("a staff CSV imports through the dialog; its users are found by username and by phone", async ({ page }) => {
    const tag = tagOf("imp");
    await createStaff(page, { username: `${tag}-old`, name: { first: "Olga" } });
    const csv = [
      "schema_id,traits.username,traits.phone,traits.name.first,traits.department,traits.tags,password",
      `staff,${tag}-ann,+12015550150,Ann,engineering,ops;oncall,e2e-Import-pass-1`,
      `staff,${tag}-bob,+12015550151,Bob,support,,e2e-Import-pass-2`,
      `staff,${tag}-old,+12015550152,Olga,sales,,e2e-Import-pass-3`,
    ].join("\n");
    await page.goto("/users");
    await page.getByRole("button", { name: "Import" }).click();
    const dialog = page.getByRole("dialog", { name: "Import users" });
    await expect(dialog.getByText("traits.name.first", { exact: true })).toBeVisible();
    await dialog.getByLabel("Or paste CSV or JSON").fill(csv);
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "2 valid, 1 error" })).toBeVisible();
    const preview = dialog.getByRole("table", { name: "Validation results per row" });
    await expect(preview.getByRole("row", { name: `1 ${tag}-ann Valid` })).toBeVisible();
    await expect(preview.getByRole("row", { name: `2 ${tag}-bob Valid` })).toBeVisible();
    await expect(preview.getByRole("row").filter({ hasText: `${tag}-old` })).toContainText("already exists");
    await expect(dialog.getByText(/Ignored columns/)).toHaveCount(0);

    await dialog.getByRole("button", { name: "Import 2 valid rows" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "2 created, 1 error" })).toBeVisible();
    await dialog.getByRole("button", { name: "Close", exact: true }).click();

    const search = page.getByRole("searchbox", { name: "Search users" });
    const table = page.getByRole("table", { name: "Users" });
    await search.fill(`${tag}-ann`);
    await expect(page).toHaveURL(new RegExp(`q=${tag}-ann`));
    await expect(table.getByRole("row")).toHaveCount(2);
    const ann = table.getByRole("row").filter({ hasText: `${tag}-ann` });
    await expect(ann.getByRole("link", { name: "Ann", exact: true })).toBeVisible();
    await expect(ann).toContainText("+12015550150");

    await search.fill("+12015550151");
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("link", { name: "Bob", exact: true })).toBeVisible();
    await expect(table).toContainText(`${tag}-bob`);
  });

  test("the schema filter keeps staff users only, and a chosen trait column shows its values", async ({ page }) => {
    const tag = tagOf("flt");
    await createUser(page, tag, { name: "Email Person" });
    await createStaff(page, {
      username: `${tag}-stan`,
      phone: "+12015550160",
      name: { first: "Stan", last: "Staff" },
      department: "support",
      newsletter: true,
      tags: ["night", "weekend"],
    });
    await page.goto(`/users?q=${tag}`);
    const table = page.getByRole("table", { name: "Users" });
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table.getByRole("columnheader", { name: "Schema" })).toBeVisible();

    await page.getByRole("combobox", { name: "Filter by schema" }).selectOption("staff");
    await expect(page).toHaveURL(/schema_id=staff/);
    await expect(table.getByRole("row")).toHaveCount(2);
    const stan = table.getByRole("row").filter({ hasText: "Stan Staff" });
    await expect(stan.getByRole("link", { name: "Stan Staff" })).toBeVisible();
    await expect(stan).toContainText(`${tag}-stan`);
    await expect(stan.getByRole("cell", { name: "Staff member" })).toBeVisible();
    await expect(stan.getByRole("checkbox", { name: "Select Stan Staff" })).toBeVisible();

    await page.getByRole("button", { name: "Columns" }).click();
    await page.getByRole("checkbox", { name: /^Department/ }).check();
    await page.getByRole("checkbox", { name: /^Tags/ }).check();
    await page.getByRole("checkbox", { name: /^Newsletter/ }).check();
    await page.keyboard.press("Escape");
    await expect(table.getByRole("columnheader", { name: "Department" })).toBeVisible();
    await expect(stan.getByRole("cell", { name: "support", exact: true })).toBeVisible();
    await expect(stan.getByRole("cell", { name: "night, weekend" })).toBeVisible();
    await expect(stan.getByRole("cell", { name: "Yes", exact: true })).toBeVisible();

    // The choice is kept (the chooser's local storage) and the filter comes back from the URL.
    await page.reload();
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("columnheader", { name: "Department" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Filter by schema" })).toHaveValue("staff");
  });

  test("an exported CSV imports back unchanged after its users are deleted", async ({ page }) => {
    const tag = tagOf("exp");
    await createStaff(page, {
      username: `${tag}-eve`,
      phone: "+12015550170",
      name: { first: "Eve", last: "Export" },
      department: "sales",
      newsletter: false,
      tags: ["a;b", "c, d"],
    });
    await createStaff(page, { username: `${tag}-max`, name: { first: "Max" }, newsletter: true }, "inactive");
    const before = await listByPrefix(page, tag);
    expect(before).toHaveLength(2);

    await page.goto(`/users?q=${tag}&schema_id=staff`);
    await expect(page.getByRole("table", { name: "Users" }).getByRole("row")).toHaveCount(3);
    await page.getByRole("combobox", { name: "Export format" }).selectOption("csv");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^users-.*\.csv$/);
    const text = fs.readFileSync(await file.path(), "utf8");
    expect(text.split("\r\n")[0]).toMatch(/^id,schema_id,state,traits\.username,traits\.phone,traits\.name\.first/);

    for (const u of before) {
      const res = await page.request.delete(`/api/auth/identities/${u.id}`);
      expect(res.status(), await res.text()).toBe(204);
    }
    expect(await listByPrefix(page, tag)).toHaveLength(0);

    await page.getByRole("button", { name: "Import" }).click();
    const dialog = page.getByRole("dialog", { name: "Import users" });
    await dialog
      .getByLabel("Upload a file")
      .setInputFiles({ name: file.suggestedFilename(), mimeType: "text/csv", buffer: Buffer.from(text) });
    await expect(dialog.getByLabel("Or paste CSV or JSON")).toHaveValue(/^id,schema_id,state,/);
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "2 valid, 0 errors" })).toBeVisible();
    await expect(dialog.getByText(/Read-only columns skipped.*\bid\b.*created_at/)).toBeVisible();
    await expect(dialog.getByText(/Ignored columns/)).toHaveCount(0);
    await dialog.getByRole("button", { name: "Import 2 valid rows" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "2 created, 0 errors" })).toBeVisible();

    const after = await listByPrefix(page, tag);
    const pick = (l: Listed[]) =>
      l
        .map((u) => ({ schema_id: u.schema_id, state: u.state, traits: u.traits }))
        .sort((a, b) => String(a.traits.username).localeCompare(String(b.traits.username)));
    expect(after.map((u) => u.id).some((id) => before.some((b) => b.id === id))).toBe(false);
    expect(pick(after)).toEqual(pick(before));
  });
});
