import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryOne } from "./support/database";
import { seedAs } from "./support/seed";
import { useLanguage } from "./support/locale";

// What supervisors and reviewers see: a flagged record's reasons, notes and
// comments; a correction TOP does not have yet; a broken recording in the
// user's language; job names; the batch filter; labelled statuses; paging
// back; the unmasked export; the audit trail. Records are pushed through the
// ingest API; the verdict and the comment are the demo reviewer's actions.

const TOKEN = "e2e-ingest-token-0123456789abcdef";
const JOB = "9400000000000001";
const JOB_NAME = "E2E 调解任务 11 月";
const FLAGGED = "8400000000000000001";
const BROKEN = "8400000000000000002";
const BULK = Array.from({ length: 30 }, (_, i) => `84000000000000001${String(i).padStart(2, "0")}`);

const violations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`);

test.beforeAll(async ({ request, baseURL }) => {
  const base = {
    robot_call_job_id: JOB,
    start_time: "2026-11-20 10:00:00",
    end_time: "2026-11-20 10:00:24",
    chat_duration: 24,
    called_phone_number: "13800001234",
    name: "张三",
  };
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    data: [
      {
        ...base,
        call_record_id: FLAGGED,
        result_status: "CAN_NOT_CONNECT",
        intent_level_tag_id: 730001,
        intent_level_code: 1,
        intent_level_detail_name: "有还款意愿",
        robot_call_job_name: JOB_NAME,
        full_audio_url: `${baseURL}/demo-audio/debt-promise.mp3`,
      },
      { ...base, call_record_id: BROKEN, result_status: "ANSWERED", full_audio_url: "https://example.invalid/rec.mp3" },
      ...BULK.map((id, i) => ({
        ...base,
        call_record_id: id,
        result_status: "BUSY",
        start_time: `2026-11-19 09:${String(i).padStart(2, "0")}:00`,
        end_time: `2026-11-19 09:${String(i).padStart(2, "0")}:30`,
      })),
    ],
  });
  expect(res.ok()).toBe(true);
  // A reviewer's flag with reasons, notes, a comment and a corrected intent (the reviewer's actions), on a record
  // TOP accepted (stored as the worker leaves it: the submission itself has its own specs).
  await seedAs("reviewer@demo.local", "review.submitVerdict", {
    callRecordId: FLAGGED,
    verdict: "flagged",
    reasons: ["wrong_intent", "compliance"],
    notes: "Robot misheard the amount",
    correctedIntent: { tagId: "730001", code: 2, name: "无还款意愿" },
  });
  await seedAs("reviewer@demo.local", "review.addComment", {
    callRecordId: FLAGGED,
    positionMs: 12000,
    body: "Debtor disputes the amount",
  });
  await queryOne("UPDATE call_records SET submission_state = 'accepted' WHERE call_record_id = $1 RETURNING id", [
    FLAGGED,
  ]);
});

test("a flagged, accepted, corrected record shows its reasons as labels, notes, comments, the job's name and what TOP still holds", async ({
  page,
}) => {
  test.slow();
  await page.goto(`/calls/${FLAGGED}`);
  const review = page.getByTestId("record-review");
  await expect(review.getByTestId("verdict-reasons")).toHaveText(/Wrong intent label\s*Compliance concern/);
  await expect(review).not.toContainText("wrong_intent");
  await expect(review.getByTestId("verdict-notes")).toHaveText("Robot misheard the amount");
  await expect(review.getByTestId("record-comments")).toContainText("Debtor disputes the amount");
  await expect(page.getByTestId("platform-intent")).toContainText("无还款意愿 (730001:2)");
  await expect(page.getByTestId("record-job-name")).toHaveText(JOB_NAME);
  await expect(page.getByTestId("result-status").first()).toHaveText(/Could not connect/);
  await expect(page.getByTestId("result-status").first()).toHaveAttribute("title", "CAN_NOT_CONNECT");
  expect(await violations(page)).toEqual([]);
});

test("a broken recording link shows one error, in Chinese in the Chinese UI", async ({ page, context, baseURL }) => {
  await useLanguage(context, baseURL!, "zh");
  await page.goto(`/calls/${BROKEN}`);
  const error = page.getByTestId("audio-error");
  await expect(error).toContainText("无法播放这段录音");
  await expect(error).toContainText("example.invalid");
  await expect(error).toHaveAttribute("data-code", "host_not_allowed");
  await expect(page.getByText("recording unavailable")).toHaveCount(0);
  await expect(page.getByTestId("archive-state")).toHaveCount(0);
  await expect(page.getByTestId("recording")).toHaveCount(0);
  await expect(page.getByTestId("play")).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
});

test("a supervisor names a job on its page; the name shows in lists and the job picker finds it", async ({ page }) => {
  test.slow();
  await page.goto(`/jobs/${JOB}`);
  await expect(page.getByTestId("job-heading-name")).toHaveText(JOB_NAME);
  await page.getByTestId("job-name-edit").click();
  await page.getByRole("textbox", { name: "Name" }).fill("Mediation November");
  await page.getByRole("textbox", { name: "Creditor" }).fill("Bank of E2E");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("job-heading-name")).toHaveText("Mediation November");
  await expect(page.getByTestId("chart-y-axis").first()).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.goto("/jobs?sort=job");
  await expect(page.getByTestId("mix-legend").first()).toBeVisible();
  // An intent reads as everywhere else: its name with tag:code, never the bare code.
  const intents = page.getByTestId("mix-legend").nth(1);
  await expect(intents).toContainText(/\(\d+:\d+\)/);
  await expect(intents).not.toContainText(/(^|\s)\d+:\d+/);
  // Every column is in sight at the console's width: the last one, the default sort, was cut off.
  const scroller = page.getByRole("table").locator("..");
  expect(await scroller.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);

  await page.goto("/calls");
  await page.getByTestId("job-picker").fill("mediation nov");
  await page.getByRole("button", { name: `Add Mediation November (${JOB}) to the job filter` }).click();
  await expect(page).toHaveURL(new RegExp(`job=${JOB}`));
  await expect(page.getByTestId("scope-chips")).toContainText(`Mediation November (${JOB})`);
  await expect(page.getByTestId("job-name").first()).toHaveText("Mediation November");
  const audit = await queryOne<{ n: string }>(
    "SELECT count(*)::text AS n FROM audit_events WHERE action = 'jobs.name' AND target = $1",
    [`job:${JOB}`],
  );
  expect(Number(audit.n)).toBeGreaterThan(0);
});

test("a supervisor sets a job's calling hours: a bad window is refused, a good one saved and rechecked, blank clears it", async ({
  page,
}) => {
  test.slow();
  await page.goto(`/jobs/${JOB}`);
  const shown = page.getByTestId("job-calling-hours");
  await expect(shown).toContainText("the default");
  await page.getByTestId("job-name-edit").click();
  const hours = page.getByRole("textbox", { name: "Calling hours" });
  for (const bad of ["25:00-08:00", "08:00-08:00"]) {
    await hours.fill(bad);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("calling-hours-error")).toContainText("Calling hours");
    await expect(hours).toHaveAttribute("aria-invalid", "true");
  }
  await expect(shown).toContainText("the default");
  await hours.fill("09:00 - 18:00");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(shown).toContainText("09:00-18:00");
  await expect(shown).toContainText("this job's own");
  await expect(page.getByTestId("job-saved")).toContainText("rechecked");
  expect(await violations(page)).toEqual([]);
  const audit = await queryOne<{ n: string }>(
    "SELECT count(*)::text AS n FROM audit_events WHERE action = 'jobs.calling_hours' AND target = $1",
    [`job:${JOB}`],
  );
  expect(Number(audit.n)).toBeGreaterThan(0);

  await page.getByTestId("job-name-edit").click();
  await expect(hours).toHaveValue("09:00-18:00");
  await hours.fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(shown).toContainText("the default");
});

test("paging goes back with 'previous' and says where it is; batch= filters the list; statuses are labelled", async ({
  page,
}) => {
  await page.goto(`/calls?job=${JOB}&status=BUSY&size=25`);
  await expect(page.getByTestId("pager-position")).toHaveText("Rows 1–25");
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page.getByTestId("pager-position")).toHaveText("Rows 26–30");
  await page.getByRole("link", { name: "← Previous page" }).click();
  await expect(page.getByTestId("pager-position")).toHaveText("Rows 1–25");
  await expect(page.getByTestId("result-status").first()).toHaveText(/Busy/);

  await page.goto(`/calls?batch=999999999`);
  await expect(page.getByTestId("batch-chip")).toContainText("Records of batch 999999999");
  await expect(page.getByText("No call records match")).toBeVisible();
});

test("a supervisor exports unmasked data only after giving a reason", async ({ page }) => {
  await page.goto(`/calls?job=${JOB}`);
  await page.getByTestId("export-unmasked").click();
  const dialog = page.getByRole("dialog", { name: "Export with full numbers and names" });
  await expect(dialog.getByRole("button", { name: "Export unmasked" })).toBeDisabled();
  await dialog.getByLabel(/Why do you need the unmasked data/).fill("Court request 2026-118");
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Export unmasked" }).click();
  const file = await (await download).path();
  expect(file).toBeTruthy();
  const event = await queryOne<{ reason: string }>(
    "SELECT details->>'reason' AS reason FROM audit_events WHERE action = 'calls.export' ORDER BY id DESC LIMIT 1",
  );
  expect(event.reason).toBe("Court request 2026-118");
});

test.describe("as an admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });
  test("the audit trail shows action labels and a readable details view", async ({ page }) => {
    await page.goto("/audit?action=calls.export");
    await expect(page.getByTestId("audit-action").first()).toHaveText("Exported call records");
    const details = page.getByTestId("audit-details").first();
    await details.locator("summary").click();
    await expect(details).toContainText("reason");
    expect(await violations(page)).toEqual([]);
  });
});
