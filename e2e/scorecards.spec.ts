import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { queryOne } from "./support/database";
import { seedAs } from "./support/seed";

// Scoring a call with the keyboard as a reviewer: a scorecard for a job of
// this spec's own (created by the demo admin's action), two records pushed
// through the ingest API, then the workbench's keys.
test.use({ storageState: "e2e/.auth/reviewer.json" });

const TOKEN = "e2e-ingest-token-0123456789abcdef";
const JOB = "9350000000000001";
const ids = ["8350000000000000001", "8350000000000000002"];
const SECTIONS = [
  {
    key: "opening",
    title: "Opening",
    items: [
      { key: "firm_named", label: "States the firm's name", kind: "passfail", weight: 10, critical: true },
      { key: "tone", label: "Polite tone", kind: "scale", weight: 5, critical: false },
    ],
  },
  {
    key: "conduct",
    title: "Conduct",
    items: [
      { key: "recorded", label: "Says the call is recorded", kind: "passfail", weight: 20, critical: false },
      { key: "no_threats", label: "No threatening wording", kind: "scale", weight: 3, critical: true },
    ],
  },
];

test.beforeAll(async ({ request, baseURL }) => {
  await seedAs("admin@demo.local", "scorecards.create", {
    name: "E2E keyboard scorecard",
    jobIds: [JOB],
    isDefault: false,
    sections: SECTIONS,
  });
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    data: ids.map((id, i) => ({
      call_record_id: id,
      robot_call_job_id: JOB,
      result_status: "ANSWERED",
      start_time: `2026-11-2${i} 11:00:00`,
      end_time: `2026-11-2${i} 11:00:24`,
      chat_duration: 24,
      called_phone_number: "13800005678",
      name: "李四",
      full_audio_url: `${baseURL}/demo-audio/debt-promise.mp3`,
    })),
  });
  expect(res.ok()).toBe(true);
});

test("score a call with the keyboard", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`/review?job=${JOB}&review=unreviewed`);
  const item = page.getByTestId("review-item");
  await expect(item).toHaveAttribute("data-record", ids[1]!);
  const panel = page.getByTestId("scorecard-panel");
  await expect(panel.getByRole("heading", { name: "E2E keyboard scorecard v1" })).toBeVisible();
  await expect(page.getByTestId("waveform")).toHaveAttribute("data-state", "ready");
  const violations = await new AxeBuilder({ page }).analyze().then((r) => r.violations);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  const score = page.getByTestId("scorecard-score");
  const answer = (key: string) => page.getByTestId(`scorecard-item-${key}`);
  await expect(answer("firm_named")).toHaveAttribute("aria-current", "step");
  // 1 passes the first item and moves on; a digit scores a scale item; 2 fails; 0 on a scale item is 0 points.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  for (const key of ["1", "4", "2", "0"]) await page.keyboard.press(key);
  await expect(answer("firm_named")).toHaveAttribute("data-answer", "pass");
  await expect(answer("tone")).toHaveAttribute("data-answer", "4");
  await expect(answer("recorded")).toHaveAttribute("data-answer", "fail");
  await expect(answer("no_threats")).toHaveAttribute("data-answer", "0");
  // 10 + 4 of 38, and the critical "no threats" item failed.
  await expect(score).toContainText("Score 36.84");
  await expect(page.getByTestId("critical-failed")).toBeVisible();

  // A call that failed a critical item cannot pass: p says why and opens the flag form.
  await page.keyboard.press("p");
  await expect(page.getByRole("alert").filter({ hasText: "A critical item failed" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Flag…" })).toBeVisible();
  await expect(item).toHaveAttribute("data-record", ids[1]!);

  // k goes back up to an item (j down again); 3 gives "no threats" its full points.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("k");
  await expect(answer("recorded")).toHaveAttribute("aria-current", "step");
  await page.keyboard.press("j");
  await page.keyboard.press("3");
  await expect(score).toContainText("Score 44.74");
  await expect(page.getByTestId("critical-failed")).toHaveCount(0);

  // p passes with the scorecard and moves on; the next record starts a clean scorecard.
  await page.keyboard.press("p");
  await expect(item).toHaveAttribute("data-record", ids[0]!);
  await expect(page.getByTestId("review-status")).toContainText(`Passed: record ${ids[1]}`);
  await expect(score).toContainText("No score yet");

  const stored = await queryOne<{
    review_score: number;
    review_critical_failed: boolean;
    answers: unknown;
    version: number;
  }>(
    `SELECT r.review_score, r.review_critical_failed, v.answers, sv.version FROM call_records r
     JOIN reviews v ON v.record_id = r.id JOIN scorecard_versions sv ON sv.id = v.scorecard_version_id
     WHERE r.call_record_id = $1`,
    [ids[1]],
  );
  expect(stored).toEqual({
    review_score: 44.74,
    review_critical_failed: false,
    answers: { firm_named: "pass", tone: 4, recorded: "fail", no_threats: 3 },
    version: 1,
  });
});
