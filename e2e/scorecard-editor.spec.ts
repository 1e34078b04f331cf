import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

// The scorecard editor as an admin: a scorecard with a pass/fail item, a
// critical item and a scale item; a bad weight is named and nothing typed is
// lost; editing the items makes version 2 while version 1 stays readable;
// archiving asks first.
test.use({ storageState: "e2e/.auth/admin.json" });

const NAME = `E2E editor card ${Date.now()}`;

const violations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );

async function fillItem(
  item: Locator,
  v: { key: string; label: string; kind?: "Pass / fail" | "Scale (0 to weight)"; weight: string; critical?: boolean },
) {
  await item.getByLabel("Key", { exact: true }).fill(v.key);
  await item.getByLabel("Label", { exact: true }).fill(v.label);
  if (v.kind) await item.getByLabel("Kind").selectOption({ label: v.kind });
  await item.getByLabel("Weight (1–100)").fill(v.weight);
  if (v.critical) await item.getByLabel("Critical (failing it fails the call)").check();
}

test("create, edit into a new version, read the old one, archive", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/admin/scorecards");
  const form = page.getByRole("form", { name: "New scorecard" });
  await expect(form).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await form.getByLabel("Name", { exact: true }).fill(NAME);
  const section = form.getByTestId("scorecard-section");
  await section.getByLabel("Section key").fill("opening");
  await section.getByLabel("Section title").fill("Opening");
  const items = section.locator("li");
  await fillItem(items.nth(0), { key: "firm_named", label: "Names the firm", weight: "10" });
  await section.getByRole("button", { name: "Add an item" }).click();
  await fillItem(items.nth(1), { key: "recorded", label: "Says the call is recorded", weight: "20", critical: true });
  await section.getByRole("button", { name: "Add an item" }).click();
  // A weight of 0 is out of range: the error says where, and the form keeps everything typed.
  await fillItem(items.nth(2), { key: "tone", label: "Polite tone", kind: "Scale (0 to weight)", weight: "0" });
  await form.getByRole("button", { name: "Save", exact: true }).click();
  const error = form.getByTestId("scorecard-error");
  await expect(error).toBeVisible();
  await expect(error).toContainText("Section 1 › Item 3 › Weight (1–100): a whole number from 1 to 100");
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue(NAME);
  await expect(items.nth(1).getByLabel("Critical (failing it fails the call)")).toBeChecked();
  await expect(items.nth(2).getByLabel("Label", { exact: true })).toHaveValue("Polite tone");
  await expect(items.nth(2).getByLabel("Kind")).toHaveValue("scale");
  expect(await violations(page)).toEqual([]);

  await items.nth(2).getByLabel("Weight (1–100)").fill("5");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(form.getByRole("status")).toHaveText("Saved: version 1.");
  await expect(error).toHaveCount(0);
  const row = page.getByTestId("scorecard-row").filter({ hasText: NAME });
  await expect(row).toContainText("v1");

  // Changing an item's weight is a change of items: version 2.
  await row.getByRole("link", { name: `Edit: ${NAME}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${NAME}` });
  const editItems = edit.getByTestId("scorecard-section").locator("li");
  await expect(editItems.nth(2).getByLabel("Label", { exact: true })).toHaveValue("Polite tone");
  await editItems.nth(2).getByLabel("Weight (1–100)").fill("4");
  await edit.getByRole("button", { name: "Save (a new version when the items change)" }).click();
  await expect(edit.getByRole("status")).toHaveText("Saved: version 2.");
  await expect(row.locator("td").nth(3)).toHaveText("v2");

  await row.getByRole("link", { name: `Versions: ${NAME}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${NAME}, version 2`);
  await page.getByRole("link", { name: "v1", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${NAME}, version 1`);
  await expect(page.getByText("Past versions are kept as they were, read-only.")).toBeVisible();
  const tone = page.getByTestId("version-item").filter({ hasText: "Polite tone" });
  await expect(tone.locator("td").nth(3)).toHaveText("5");
  await expect(page.getByTestId("version-item").filter({ hasText: "Says the call is recorded" })).toContainText("yes");
  // Read-only: the version page has no form to change it.
  await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  expect(await violations(page)).toEqual([]);

  // Archiving asks first; keeping it changes nothing.
  await page.goto("/admin/scorecards");
  await row.getByRole("link", { name: `Edit: ${NAME}` }).click();
  await page.getByRole("button", { name: `Archive ${NAME}` }).click();
  const dialog = page.getByRole("dialog", { name: `Archive ${NAME}` });
  await expect(dialog).toContainText("will no longer apply to any call");
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).not.toContainText("archived");
  await page.getByRole("button", { name: `Archive ${NAME}` }).click();
  await dialog.getByRole("button", { name: `Archive ${NAME}` }).click();
  await expect(page).toHaveURL(/\/admin\/scorecards$/);
  await expect(row).toContainText("(archived)");
  await expect(row.getByRole("link", { name: `Edit: ${NAME}` })).toHaveCount(0);
});
