import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { queryOne } from "./support/database";

// The e2e product runs its TOP emulator on E2E_PORT + 1 (playwright.config.ts).
const EMULATOR = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3210) + 1}`;

async function setFaults(faults: object) {
  const res = await fetch(`${EMULATOR}/__emulator/faults`, { method: "POST", body: JSON.stringify(faults) });
  expect(res.status).toBe(200);
}

test.describe("submission to TOP", () => {
  test.afterEach(() => setFaults({}));

  test("select a page → pre-submit check → live progress → outcomes in the list and the detail", async ({ page }) => {
    await page.goto("/calls?status=BUSY&submission=not_submitted&size=25");
    await page.getByLabel("Select this page").check();
    await expect(page.getByTestId("selection-summary")).toHaveText("25 selected");
    await page.getByRole("button", { name: "Submit to TOP…" }).click();
    const dialog = page.getByRole("dialog", { name: "Submit to TOP" });
    await expect(dialog.getByTestId("sendable-count")).toHaveText("25");
    await expect(
      new AxeBuilder({ page })
        .include("dialog")
        .analyze()
        .then((r) => r.violations.map((v) => v.id)),
    ).resolves.toEqual([]);
    await dialog.getByRole("button", { name: "Send 25 records" }).click();

    await expect(page).toHaveURL(/\/submissions\/\d+$/);
    await expect(page.getByTestId("batch-status")).toHaveText("done", { timeout: 30_000 });
    await expect(page.getByTestId("batch-accepted")).toHaveText("25");
    const batchId = page.url().split("/").pop()!;

    const { id } = await queryOne<{ id: string }>(
      "SELECT r.call_record_id::text AS id FROM submission_jobs j JOIN call_records r ON r.id = j.record_id WHERE j.batch_id = $1 LIMIT 1",
      [batchId],
    );
    await page.goto(`/calls/${id}`);
    await expect(page.getByTestId("attempt")).toHaveCount(1);
    await expect(page.getByTestId("attempt")).toContainText("accepted");
    await expect(page.getByTestId("attempt")).toContainText("success=true");

    await page.goto(`/calls?submission=accepted&status=BUSY&size=25`);
    await expect(page.getByTestId("call-row")).toHaveCount(25);
  });

  test("failures are grouped by answer and a group can be resubmitted", async ({ page }) => {
    await setFaults({ businessReject: 1 });
    await page.goto("/calls?status=POWER_OFF&submission=not_submitted&size=25");
    await page.getByLabel("Select this page").check();
    await page.getByRole("button", { name: "Submit to TOP…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Send 25 records" }).click();
    await expect(page.getByTestId("batch-status")).toHaveText("done", { timeout: 30_000 });
    await expect(page.getByTestId("batch-rejected")).toHaveText("25");
    const group = page.getByTestId("failure-group");
    await expect(group).toHaveCount(1);
    await expect(group).toContainText("BIZ_REJECTED");

    await setFaults({});
    await group.getByRole("button", { name: "Resubmit this group…" }).click();
    const dialog = page.getByRole("dialog", { name: "Resubmit failures to TOP" });
    await expect(dialog.getByTestId("sendable-count")).toHaveText("25");
    await dialog.getByRole("button", { name: "Send 25 records" }).click();
    await expect(page).toHaveURL(/\/submissions\/\d+$/);
    await expect(page.getByTestId("batch-status")).toHaveText("done", { timeout: 30_000 });
    await expect(page.getByTestId("batch-accepted")).toHaveText("25");
  });

  test("select all records matching a filter, carried as the filter", async ({ page }) => {
    const { n } = await queryOne<{ n: number }>(
      "SELECT count(*)::int AS n FROM call_records WHERE result_status = 'VACANT_NUMBER' AND submission_state = 'not_submitted'",
    );
    await page.goto("/calls?status=VACANT_NUMBER&submission=not_submitted&size=25");
    await page.getByLabel("Select this page").check();
    await page
      .getByRole("button", { name: `Select all ${n.toLocaleString("en")} records matching this filter` })
      .click();
    await expect(page.getByTestId("selection-summary")).toHaveText(
      `All ${n.toLocaleString("en")} records matching this filter are selected`,
    );
    await page.getByRole("button", { name: "Submit to TOP…" }).click();
    await expect(page.getByRole("dialog").getByTestId("sendable-count")).toHaveText(n.toLocaleString("en"));
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  });

  test("the submissions page lists batches and has no accessibility violations", async ({ page }) => {
    await page.goto("/submissions");
    await expect(page.getByTestId("batch-row").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
