import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { queryOne } from "./support/database";
import { seedAs } from "./support/seed";

// A calibration round: two calls pushed through the ingest API and a
// scorecard of this spec's own (created by the demo admin's action); the
// supervisor gives the calls to the demo reviewer and the demo admin, who
// answer differently on one item; the supervisor reads the difference and the
// agreement rate, closes the session, and the reviewer can no longer answer.

const TOKEN = "e2e-ingest-token-0123456789abcdef";
const JOB = "9370000000000001";
const CALLS = ["8370000000000000001", "8370000000000000002"];
const CARD = "E2E calibration card";
const SESSION = `E2E calibration ${Date.now()}`;
const SECTIONS = [
  {
    key: "opening",
    title: "Opening",
    items: [
      { key: "firm_named", label: "Names the firm", kind: "passfail", weight: 10, critical: true },
      { key: "tone", label: "Polite tone", kind: "scale", weight: 5, critical: false },
    ],
  },
];

const violations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );

test.beforeAll(async ({ request }) => {
  await seedAs("admin@demo.local", "scorecards.create", {
    name: CARD,
    jobIds: [JOB],
    isDefault: false,
    sections: SECTIONS,
  });
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    data: CALLS.map((id, i) => ({
      call_record_id: id,
      robot_call_job_id: JOB,
      result_status: "ANSWERED",
      start_time: `2026-11-1${i} 09:00:00`,
      end_time: `2026-11-1${i} 09:00:30`,
      chat_duration: 30,
      called_phone_number: `1380000370${i}`,
      // The first call has a transcript: every reviewer reads it beside the player.
      ...(i === 0
        ? { transcript: [{ speaker: "robot", start_ms: 0, end_ms: 2000, text: "您好，这里是京和调解中心" }] }
        : {}),
    })),
  });
  expect(res.ok()).toBe(true);
});

/** One reviewer's answers to every call of the session, through the scoring page's buttons. */
async function answerAll(browser: Browser, role: "reviewer" | "admin", tone: (call: string) => string) {
  const context = await browser.newContext({ storageState: `e2e/.auth/${role}.json` });
  const page = await context.newPage();
  await page.goto("/review/calibration");
  const mine = page.getByTestId("calibration-mine");
  for (const call of CALLS) {
    await mine.getByRole("link", { name: `Score call ${call}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Calibration: call ${call}`);
    await page.getByRole("group", { name: "Names the firm" }).getByRole("button", { name: "Pass" }).click();
    await page.getByLabel("Polite tone: points out of 5").selectOption(tone(call));
    if (call === CALLS[0]) await expect(page.getByText("您好，这里是京和调解中心")).toBeVisible();
    if (call === CALLS[0] && role === "reviewer") expect(await violations(page)).toEqual([]);
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByTestId("calibration-status")).toContainText("Submitted.");
    await page.goto("/review/calibration");
  }
  await context.close();
}

test("a calibration round, from creating the session to closing it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto("/review/calibration");
  const form = page.getByRole("form", { name: "New calibration session" });
  await form.getByLabel("Name", { exact: true }).fill(SESSION);
  await form.getByLabel("Scorecard version").selectOption({ label: `${CARD} v1` });
  await form.getByLabel("Call record ids").fill(CALLS.join("\n"));
  await form.getByLabel(/^Demo reviewer\s+reviewer@demo\.local$/).check();
  await form.getByLabel(/^Demo admin\s+admin@demo\.local$/).check();
  expect(await violations(page)).toEqual([]);
  await form.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(/\/review\/calibration\/\d+$/);
  const sessionUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SESSION);
  await expect(page.getByTestId("agreement-rate")).toContainText("Nothing to compare yet");
  // A reviewer who opens the session's link lands on their first call to answer.
  const reviewerContext = await browser.newContext({ storageState: "e2e/.auth/reviewer.json" });
  const reviewerPage = await reviewerContext.newPage();
  await reviewerPage.goto(sessionUrl);
  await expect(reviewerPage.getByRole("heading", { level: 1 })).toHaveText(`Calibration: call ${CALLS[0]}`);
  await reviewerContext.close();

  // Both pass the firm item on both calls; on the first call their tone points differ.
  await answerAll(browser, "reviewer", (call) => (call === CALLS[0] ? "4" : "5"));
  await answerAll(browser, "admin", (call) => (call === CALLS[0] ? "3" : "5"));

  await page.reload();
  await expect(page.getByTestId("agreement-rate")).toContainText("75% (3 of 4 compared)");
  const differences = page.getByTestId("calibration-differences");
  await expect(differences.locator("tbody tr")).toHaveCount(1);
  const row = differences.locator("tbody tr").first();
  await expect(row).toContainText(CALLS[0]!);
  await expect(row).toContainText("Polite tone");
  await expect(row.locator("td").nth(2)).toHaveText(/^[34]$/);
  await expect(row.locator("td").nth(3)).toHaveText(/^[34]$/);
  expect(await violations(page)).toEqual([]);

  // Closing asks first; then the session is read-only and its comparison stays.
  await page.getByRole("button", { name: "Close session" }).click();
  const dialog = page.getByRole("dialog", { name: `Close “${SESSION}”?` });
  await expect(dialog).toContainText("Reviewers will no longer be able to submit");
  await dialog.getByRole("button", { name: "Close session" }).click();
  await expect(page.getByTestId("calibration-closed")).toBeVisible();
  await expect(page.getByRole("button", { name: "Close session" })).toHaveCount(0);
  await expect(page.getByTestId("agreement-rate")).toContainText("75% (3 of 4 compared)");
  expect(await violations(page)).toEqual([]);
  // The list says so too.
  await page.goto("/review/calibration");
  await expect(page.getByTestId("calibration-session-row").filter({ hasText: SESSION })).toContainText("closed");

  const context = await browser.newContext({ storageState: "e2e/.auth/reviewer.json" });
  const reviewer = await context.newPage();
  await reviewer.goto("/review/calibration");
  await expect(reviewer.getByRole("link", { name: `Score call ${CALLS[0]}` })).toHaveCount(0);
  await reviewer.goto(`${sessionUrl}?record=${CALLS[0]}`);
  await expect(reviewer.getByTestId("calibration-closed")).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Submit answers" })).toHaveCount(0);
  const pass = reviewer.getByRole("group", { name: "Names the firm" }).getByRole("button", { name: "Pass" });
  await expect(pass).toBeDisabled();
  await expect(pass).toHaveAttribute("aria-pressed", "true");
  expect(await violations(reviewer)).toEqual([]);
  await context.close();

  const stored = await queryOne<{ closed: boolean; audits: number }>(
    `SELECT (SELECT closed_at IS NOT NULL FROM calibration_sessions WHERE name = $1) AS closed,
            (SELECT count(*)::int FROM audit_events WHERE action = 'calibration.close') AS audits`,
    [SESSION],
  );
  expect(stored).toEqual({ closed: true, audits: 1 });
});
