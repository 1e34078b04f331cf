import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { queryOne } from "./support/database";

test.describe("reporting rules", () => {
  test("create a rule from a /calls filter, with its dry run, then delete it", async ({ page }) => {
    const job = await queryOne<{ id: string; n: number }>(
      "SELECT robot_call_job_id::text AS id, count(*)::int AS n FROM call_records GROUP BY 1 ORDER BY 1 LIMIT 1",
    );
    await page.goto(`/calls?job=${job.id}`);
    await page.getByRole("link", { name: "Create rule from this filter" }).click();
    await expect(page).toHaveURL(/\/rules\/new\?filter=/);
    const form = page.getByRole("form", { name: "Rule" });
    await expect(form.getByLabel("Filter (the /calls query string)")).toHaveValue(`job=${job.id}`);
    const name = `e2e rule ${Date.now()}`;
    await form.getByLabel("Name").fill(name);

    await form.getByRole("button", { name: "Dry run" }).click();
    const dry = page.getByTestId("rule-dry-run");
    // The page writes counts with grouping (1,014): the expectation does too.
    await expect(dry).toContainText(`${job.n.toLocaleString("en")} records match now`);
    await expect(new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).resolves.toEqual([]);

    await form.getByRole("button", { name: "Create rule" }).click();
    await expect(page).toHaveURL(/\/rules\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Off");
    await expect(page.getByText("It has not queued anything yet.")).toBeVisible();

    await page.goto("/rules");
    await expect(page.getByRole("link", { name })).toBeVisible();
    await page.getByRole("link", { name }).click();
    await page.getByRole("button", { name: "Delete rule" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this rule?" });
    await expect(dialog).toContainText(name);
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/rules$/);
    await expect(page.getByRole("link", { name })).toHaveCount(0);
  });
});
