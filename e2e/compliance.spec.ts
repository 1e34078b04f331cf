import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Compliance flags where supervisors find them: a call pushed through the
// ingest API (the data layer) at 23:30 in the display time zone, outside the
// default calling hours (08:00-21:00), is flagged `hours` at ingest; one at
// 10:00 is not. /calls filters by the flag, and the job page counts it (from
// the rollups) with a link to exactly that call.

const TOKEN = "e2e-ingest-token-0123456789abcdef";
const JOB = "9780000000000001";
const LATE = "8780000000000000001";
const DAYTIME = "8780000000000000002";

const violations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`);

test.beforeAll(async ({ request, baseURL }) => {
  const call = (id: string, start: string, end: string, phone: string) => ({
    call_record_id: id,
    robot_call_job_id: JOB,
    result_status: "ANSWERED",
    start_time: start,
    end_time: end,
    chat_duration: 24,
    called_phone_number: phone,
    full_audio_url: `${baseURL}/demo-audio/debt-promise.mp3`,
  });
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    data: [
      call(LATE, "2026-11-18 23:30:00", "2026-11-18 23:30:24", "13900007801"),
      call(DAYTIME, "2026-11-18 10:00:00", "2026-11-18 10:00:24", "13900007802"),
    ],
  });
  expect(res.ok()).toBe(true);
});

// A row is known by its link to the record's page (the id itself is not a cell).
const row = (page: Page, id: string) =>
  page.getByTestId("call-row").filter({ has: page.locator(`a[href^="/calls/${id}"]`) });

test("/calls?compliance=hours lists the call made outside calling hours and not the one inside", async ({ page }) => {
  await page.goto(`/calls?job=${JOB}`);
  await expect(row(page, LATE)).toHaveCount(1);
  await expect(row(page, DAYTIME)).toHaveCount(1);

  await page.goto(`/calls?compliance=hours&job=${JOB}`);
  await expect(row(page, LATE)).toHaveCount(1);
  await expect(row(page, LATE).getByTestId("compliance-cell")).toContainText("Calling hours");
  await expect(row(page, DAYTIME)).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
});

test("the job page counts the flagged call per kind and links to exactly it", async ({ page }) => {
  await page.goto(`/jobs/${JOB}`);
  const counts = page.getByTestId("compliance-counts");
  await expect(counts.getByTestId("compliance-count-hours")).toHaveText("1");
  await expect(counts.getByTestId("compliance-count-any")).toHaveText("1");
  await expect(counts.getByTestId("compliance-count-phrase")).toHaveText("0");
  expect(await violations(page)).toEqual([]);

  await counts.getByTestId("compliance-count-hours").click();
  await expect(page).toHaveURL(new RegExp(`/calls\\?job=${JOB}&compliance=hours$`));
  await expect(row(page, LATE)).toHaveCount(1);
  await expect(page.getByTestId("call-row")).toHaveCount(1);
});

test("the dashboard counts flagged calls of all jobs, and the review queue offers them", async ({ page }) => {
  await page.goto("/");
  const any = page.getByTestId("compliance-counts").getByTestId("compliance-count-any");
  await expect(any).not.toHaveText("0");
  expect(await violations(page)).toEqual([]);

  await page.goto("/review?compliance=sometimes");
  // An unknown kind is dropped with the notice every filter gives, not sent on to the queue.
  await expect(page.getByRole("alert").filter({ hasText: "were ignored" })).toContainText("sometimes");
  await expect(page.getByTestId("queue-description")).not.toContainText("compliance");
  await page.getByTestId("queue-compliance").click();
  await expect(page.getByTestId("queue-description")).toContainText("compliance=any");
});
