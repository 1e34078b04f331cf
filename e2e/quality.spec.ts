import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryOne } from "./support/database";
import { seedAs } from "./support/seed";
import { useLanguage } from "./support/locale";

// Scorecard scores where reviewers and supervisors find them. Three calls are
// pushed through the ingest API, the demo admin creates a scorecard for their
// job and the demo reviewer scores two of them with it (their actions, run
// directly: scoring in the workbench has its own specs). /quality counts
// them, a minScore filter on /calls lists exactly the high one, and bad input
// gets a notice.

const TOKEN = "e2e-ingest-token-0123456789abcdef";
const JOB = "9790000000000001";
const HIGH = "8790000000000000001";
const CRITICAL = "8790000000000000002";
const UNSCORED = "8790000000000000003";

const violations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`);

test.beforeAll(async ({ request }) => {
  const call = (id: string, phone: string) => ({
    call_record_id: id,
    robot_call_job_id: JOB,
    result_status: "ANSWERED",
    start_time: "2026-11-18 10:00:00",
    end_time: "2026-11-18 10:00:24",
    chat_duration: 24,
    called_phone_number: phone,
  });
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    data: [call(HIGH, "13900007901"), call(CRITICAL, "13900007902"), call(UNSCORED, "13900007903")],
  });
  expect(res.ok()).toBe(true);
  // 100 points each: the firm named (critical) and a scale, so the two reviews score 193/200 and 84/200.
  const { id: card } = await seedAs<{ id: string }>("admin@demo.local", "scorecards.create", {
    name: "E2E quality card",
    jobIds: [JOB],
    isDefault: false,
    sections: [
      {
        key: "opening",
        title: "Opening",
        items: [
          { key: "firm_named", label: "Names the firm", kind: "passfail", weight: 100, critical: true },
          { key: "tone", label: "Polite tone", kind: "scale", weight: 100, critical: false },
        ],
      },
    ],
  });
  const { versionId } = await queryOne<{ versionId: string }>(
    'SELECT id::text AS "versionId" FROM scorecard_versions WHERE scorecard_id = $1 AND version = 1',
    [card],
  );
  const score = (callRecordId: string, answers: Record<string, unknown>, flagged: boolean) =>
    seedAs("reviewer@demo.local", "review.submitVerdict", {
      callRecordId,
      verdict: flagged ? "flagged" : "passed",
      reasons: flagged ? ["compliance"] : [],
      scorecard: { versionId, answers },
    });
  await score(HIGH, { firm_named: "pass", tone: 93 }, false); // 96.5
  await score(CRITICAL, { firm_named: "fail", tone: 84 }, true); // 42, a critical failure
});

// A row is known by its link to the record's page (the id itself is not a cell).
const row = (page: Page, id: string) =>
  page.getByTestId("call-row").filter({ has: page.locator(`a[href^="/calls/${id}"]`) });

test("/quality shows the seeded scores by week, job and reviewer, with links to the matching calls", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quality" }).click();
  await expect(page).toHaveURL(/\/quality$/);
  await expect(page.getByRole("heading", { name: "Quality" })).toBeVisible();

  await page.goto(`/quality?job=${JOB}`);
  const totals = page.getByTestId("quality-totals");
  await expect(totals).toContainText("2");
  await expect(totals).toContainText("69.3");
  await expect(totals).toContainText("50.0%");
  await expect(page.getByTestId("quality-week")).toHaveCount(1);
  const job = page.getByTestId("quality-job");
  await expect(job).toHaveCount(1);
  await expect(job.locator('[data-stat="average"]')).toHaveText("69.3");
  await expect(page.getByTestId("quality-reviewer")).toHaveCount(1);
  expect(await violations(page)).toEqual([]);

  await job.locator('[data-stat="critical"] a').click();
  await expect(page).toHaveURL(new RegExp(`/calls\\?job=${JOB}&critical=failed$`));
  await expect(row(page, CRITICAL)).toHaveCount(1);
  await expect(page.getByTestId("call-row")).toHaveCount(1);
});

test("a minScore filter on /calls shows exactly the seeded high-scoring call", async ({ page }) => {
  await page.goto(`/calls?job=${JOB}`);
  await expect(page.getByTestId("call-row")).toHaveCount(3);
  await page.getByLabel("Minimum score").fill("90");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/minScore=90/);
  await expect(page.getByTestId("call-row")).toHaveCount(1);
  await expect(row(page, HIGH).getByTestId("score-cell")).toHaveText("96.5");
  expect(await violations(page)).toEqual([]);
});

test("bad input gets a visible notice naming the parameter, never an error page", async ({ page }) => {
  await page.goto(`/quality?from=2026-02-30&job=${JOB}`);
  const notice = page.getByRole("alert").filter({ hasText: "were ignored" });
  await expect(notice).toContainText("from");
  await expect(notice).toContainText("2026-02-30");
  await expect(page.getByTestId("quality-totals")).toBeVisible();

  await page.goto(`/calls?job=${JOB}&minScore=80&maxScore=20`);
  await expect(page.getByRole("alert").filter({ hasText: "were ignored" })).toContainText("maxScore");
  await page.goto(`/calls?job=${JOB}&critical=maybe`);
  await expect(page.getByRole("alert").filter({ hasText: "were ignored" })).toContainText("critical");

  const api = await page.request.get(`/api/calls/export?job=${JOB}&minScore=abc`);
  expect(api.status()).toBe(400);
  expect(await api.text()).toContain("minScore");
});

test("the job page sums up its scores and links to /quality", async ({ page }) => {
  await page.goto(`/jobs/${JOB}`);
  const block = page.getByTestId("job-scores");
  await expect(block.locator('[data-stat="scored"]')).toHaveText("2");
  await expect(block.locator('[data-stat="average"]')).toHaveText("69.3");
  await expect(block.locator('[data-stat="critical"] a')).toHaveText("1");
  expect(await violations(page)).toEqual([]);
  await block.getByRole("link", { name: /Scores by week and reviewer/ }).click();
  await expect(page).toHaveURL(new RegExp(`/quality\\?job=${JOB}$`));
  await expect(page.getByTestId("quality-totals")).toBeVisible();
});

test("a reviewer sees /quality in the nav and in Chinese; an operator is refused", async ({ browser, baseURL }) => {
  const reviewer = await browser.newContext({ storageState: "e2e/.auth/reviewer.json" });
  const page = await reviewer.newPage();
  await page.goto(`/quality?job=${JOB}`);
  await expect(page.getByTestId("quality-totals")).toContainText("69.3");
  await useLanguage(reviewer, baseURL!, "zh");
  await page.reload();
  await expect(page.getByRole("heading", { name: "质检评分" })).toBeVisible();
  await expect(page.getByRole("link", { name: "质检评分" })).toBeVisible();
  await reviewer.close();

  const operator = await browser.newContext({ storageState: "e2e/.auth/operator.json" });
  const other = await operator.newPage();
  expect((await other.goto("/quality"))?.status()).toBe(403);
  await other.goto("/calls");
  await expect(other.getByRole("navigation").getByRole("link", { name: "Quality" })).toHaveCount(0);
  await operator.close();
});
