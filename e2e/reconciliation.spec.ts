import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { queryOne } from "./support/database";

// A supervisor opens the reconciliation report for a day and job, and the
// "overdue" number leads to exactly those records in /calls.

const TOKEN = "e2e-ingest-token-0123456789abcdef";
const JOB = "71500000000100";
const IDS = ["71500000000101", "71500000000102", "71500000000103"];
// Yesterday in the display time zone (Asia/Shanghai, UTC+8 all year).
const DAY = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

test.beforeAll(async ({ request }) => {
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    data: IDS.map((id, i) => ({
      call_record_id: id,
      robot_call_job_id: JOB,
      result_status: "ANSWERED",
      start_time: `${DAY} 10:0${i}:00`,
      end_time: `${DAY} 10:0${i}:40`,
      chat_duration: 40,
      called_phone_number: `1380000710${i}`,
    })),
  });
  expect(res.ok()).toBe(true);
  // Two of them arrived two days ago and were never accepted: overdue; the third just arrived.
  await queryOne(
    "UPDATE call_records SET received_at = now() - interval '48 hours' WHERE call_record_id = ANY($1::bigint[])",
    [IDS.slice(0, 2)],
  );
});

test("the overdue number of a day and job leads to exactly those records", async ({ page }) => {
  await page.goto(`/reconciliation?from=${DAY}&to=${DAY}&job=${JOB}`);
  const row = page.locator("tbody tr").filter({ hasText: JOB });
  await expect(row.locator('[data-count="received"]')).toHaveText("3");
  await expect(row.locator('[data-count="overdue"]')).toHaveText("2");
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

  await row.locator('[data-count="overdue"]').getByRole("link").click();
  await expect(page).toHaveURL(/\/calls\?.*receivedBefore=/);
  await expect(page.getByTestId("calls-total")).toHaveText("2");
  const rows = page.locator("#calls-table tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: IDS[2]! })).toHaveCount(0);
});

test("the filter keeps several jobs: the page's own value goes back through Apply", async ({ page }) => {
  const other = "71500000000199";
  await page.goto(`/reconciliation?from=${DAY}&to=${DAY}&job=${JOB}&job=${other}`);
  const field = page.getByRole("textbox", { name: /job/i });
  await expect(field).toHaveValue(`${JOB} ${other}`);
  await page.getByRole("button", { name: /apply/i }).click();
  await expect(page).toHaveURL(new RegExp(`job=${JOB}(\\+|%20)${other}`));
  await expect(page.locator("tbody tr").filter({ hasText: JOB }).locator('[data-count="received"]')).toHaveText("3");
});
