import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryOne } from "./support/database";
import { seedAs } from "./support/seed";
import { useLanguage } from "./support/locale";

// A record's transcript beside its player: phrase rules scoped to this spec's
// job (so no other spec's record meets them), created by the demo admin's
// action, and a record pushed through the ingest API with a recording and a
// transcript; clicking an utterance or pressing Enter on it seeks the player,
// the utterance heard is highlighted, findings are marked. Then the phrase
// rules admin page.

const TOKEN = "e2e-ingest-token-0123456789abcdef";
const JOB = "9300000000000071";
const ID = "8300000000000000071";
/** The same job's call without a recording: its transcript shows alone. */
const SILENT_ID = "8300000000000000072";
const PHONE = "13812345678";
const UTTERANCES = [
  {
    speaker: "robot",
    start_ms: 300,
    end_ms: 6500,
    text: "您好，这里是京和金融纠纷调解中心，您在安和小额贷款的借款已逾期六十天。",
  },
  { speaker: "callee", start_ms: 7000, end_ms: 11000, text: `没钱，不还了，别再打了，我的号码${PHONE}别再打。` },
  { speaker: "robot", start_ms: 12000, end_ms: 21500, text: "逾期将影响您的信用记录，请您尽快处理，再见。" },
];

test.beforeAll(async ({ request, baseURL }) => {
  const rule = { isRegex: false, jobIds: [JOB], enabled: true };
  await seedAs("admin@demo.local", "phraseRules.create", {
    ...rule,
    name: "e2e recording notice",
    kind: "required",
    pattern: "本次通话将被录音",
    speaker: "robot",
  });
  await seedAs("admin@demo.local", "phraseRules.create", {
    ...rule,
    name: "e2e hang-up demand",
    kind: "prohibited",
    pattern: "别再打了",
    speaker: "callee",
  });
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    data: [
      {
        call_record_id: ID,
        robot_call_job_id: JOB,
        result_status: "ANSWERED",
        start_time: "2026-11-20 10:00:00",
        end_time: "2026-11-20 10:00:22",
        chat_duration: 22,
        called_phone_number: PHONE,
        name: "张三",
        full_audio_url: `${baseURL}/demo-audio/debt-refuse.mp3`,
        transcript: UTTERANCES,
      },
      {
        call_record_id: SILENT_ID,
        robot_call_job_id: JOB,
        result_status: "ANSWERED",
        start_time: "2026-11-20 10:05:00",
        end_time: "2026-11-20 10:05:22",
        chat_duration: 22,
        called_phone_number: PHONE,
        transcript: UTTERANCES,
      },
    ],
  });
  expect(res.ok()).toBe(true);
  // New rules reach the transcripts stored before them with a recheck, which the rules page asks for: as an admin
  // would, the rules are rechecked before the specs start.
  test.setTimeout(150_000);
  await seedAs("admin@demo.local", "phraseRules.recheck", {});
  await expect.poll(pendingPhraseRechecks, { timeout: 120_000 }).toBe(0);
});

/** Rechecks of every stored transcript that are queued or running. */
async function pendingPhraseRechecks(): Promise<number> {
  const { n } = await queryOne<{ n: string }>(
    "SELECT count(*)::text AS n FROM compliance_rechecks WHERE robot_call_job_id IS NULL AND scope IN ('all', 'phrases')",
  );
  return Number(n);
}

const audioTime = (page: Page) => page.getByTestId("recording").evaluate((a: HTMLAudioElement) => a.currentTime);
const axe = (page: Page) => new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id));

test("the transcript follows the player and seeks it, with phrase findings marked", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`/calls/${ID}`);
  await expect(page.getByTestId("waveform")).toHaveAttribute("data-state", "ready");
  const transcript = page.getByTestId("transcript");
  const lines = transcript.getByTestId("utterance");
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(0)).toContainText("Robot");
  await expect(lines.nth(1)).toContainText("Callee");
  // The required phrase never said is a note; the prohibited one is marked on its utterance.
  await expect(page.getByTestId("transcript-missing")).toContainText("e2e recording notice");
  await expect(lines.nth(1).getByTestId("utterance-prohibited")).toContainText("e2e hang-up demand");
  // The callee's spoken number is masked like the record's own.
  expect(await transcript.textContent()).not.toContain(PHONE);

  await lines.nth(1).click();
  await expect.poll(() => audioTime(page)).toBeCloseTo(7, 1);
  await expect(lines.nth(1)).toHaveAttribute("aria-current", "true");
  await expect(lines.nth(0)).not.toHaveAttribute("aria-current", "true");

  // Keyboard: Enter on a focused utterance seeks too.
  await lines.nth(2).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => audioTime(page)).toBeCloseTo(12, 1);
  await expect(lines.nth(2)).toHaveAttribute("aria-current", "true");
  expect(await axe(page)).toEqual([]);
});

test("a call without a recording shows its transcript, as text that does not play", async ({ page }) => {
  await page.goto(`/calls/${SILENT_ID}`);
  const transcript = page.getByTestId("transcript");
  await expect(transcript.getByTestId("utterance")).toHaveCount(3);
  await expect(page.getByTestId("transcript-hint")).toContainText("no recording");
  // Nothing to seek in: the lines are not buttons, and nothing is highlighted.
  await expect(transcript.getByRole("button")).toHaveCount(0);
  await expect(transcript.locator('[aria-current="true"]')).toHaveCount(0);
  await expect(page.getByTestId("recording")).toHaveCount(0);
  await expect(transcript.getByTestId("utterance").nth(1).getByTestId("utterance-prohibited")).toContainText(
    "e2e hang-up demand",
  );
  expect(await transcript.textContent()).not.toContain(PHONE);
  expect(await axe(page)).toEqual([]);
});

test.describe("phrase rules admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("an unsafe regular expression is refused with a reason; a valid rule is listed, then deleted", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto("/admin/phrase-rules");
    await expect(page.getByRole("heading", { level: 1, name: "Phrase rules" })).toBeVisible();
    await expect(page.getByTestId("phrase-rules-intro")).toContainText("records ingested after it");
    const form = page.getByRole("form", { name: "Add a rule" });
    const name = `e2e threat ${Date.now()}`;
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Kind").selectOption("prohibited");
    await form.getByLabel("Speaker").selectOption("any");
    await form.getByLabel("Phrase", { exact: true }).fill("(a+)+$");
    await form.getByRole("checkbox", { name: "Regular expression" }).check();
    // Scoped to a job no other spec uses.
    await form.getByLabel("Job IDs", { exact: true }).fill("9300000000000072");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("alert")).toContainText("may not repeat a group");
    await expect(page.getByTestId("phrase-rule-row").filter({ hasText: name })).toHaveCount(0);
    await expect(page.getByTestId("phrase-recheck-changed")).toHaveCount(0);

    await form.getByLabel("Phrase", { exact: true }).fill("上门.{0,4}找你");
    await form.getByRole("button", { name: "Save" }).click();
    const row = page.getByTestId("phrase-rule-row").filter({ hasText: name });
    await expect(row).toContainText("Prohibited");
    await expect(row).toContainText("9300000000000072");
    // Saved: the page says that stored transcripts see it after a recheck, and offers one.
    await expect(page.getByTestId("phrase-recheck-changed")).toContainText("until they are rechecked");
    await expect(page.getByTestId("phrase-recheck")).toContainText("npm run compliance:recheck");
    expect(await axe(page)).toEqual([]);
    await page.getByTestId("phrase-recheck-button").click();
    await expect(page.getByTestId("phrase-recheck").getByRole("status").last()).toContainText(/Queued|already queued/);
    const queued = await queryOne<{ n: string }>(
      "SELECT count(*)::text AS n FROM audit_events WHERE action = 'phrase_rule.recheck'",
    );
    expect(Number(queued.n)).toBeGreaterThan(0);
    // A recheck queued after the change covers it: the notice goes, and stays gone on a reload.
    await expect(page.getByTestId("phrase-recheck-changed")).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("phrase-recheck")).toBeVisible();
    await expect(page.getByTestId("phrase-recheck-changed")).toHaveCount(0);

    // Until the worker starts it, the queued recheck covers any change (it reads the rules when it runs); once it
    // has finished, a change is not covered any more.
    await expect.poll(pendingPhraseRechecks, { timeout: 120_000 }).toBe(0);
    // Finished: the page says when the last one was queued, not only that none is.
    await page.reload();
    await expect(page.getByTestId("phrase-recheck")).toContainText("has finished");
    await row.getByRole("button", { name: `Disable: ${name}` }).click();
    await expect(row).toContainText("disabled");
    // Disabling is a change again; the notice is read from what is stored, so a reload keeps it.
    await expect(page.getByTestId("phrase-recheck-changed")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("phrase-recheck-changed")).toContainText("until they are rechecked");
    await row.getByRole("link", { name: `Edit rule: ${name}` }).click();
    await page.getByRole("button", { name: `Delete rule ${name}` }).click();
    await page
      .getByTestId("delete-phrase-rule")
      .getByRole("button", { name: `Delete rule ${name}` })
      .click();
    await expect(page).toHaveURL(/\/admin\/phrase-rules$/);
    await expect(page.getByTestId("phrase-recheck-changed")).toBeVisible();
    await expect(page.getByTestId("phrase-rule-row").filter({ hasText: name })).toHaveCount(0);
  });

  test("an unsafe regular expression's reason is in Chinese on the Chinese page", async ({
    page,
    context,
    baseURL,
  }) => {
    await useLanguage(context, baseURL!, "zh");
    await page.goto("/admin/phrase-rules");
    const form = page.getByTestId("phrase-rule-form");
    await form.getByLabel("名称", { exact: true }).fill(`e2e 中文 ${Date.now()}`);
    await form.getByLabel("话术", { exact: true }).fill("(a+)+$");
    await form.getByRole("checkbox", { name: "正则表达式" }).check();
    await form.getByLabel("任务 ID", { exact: true }).fill("9300000000000072");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("alert")).toContainText("不得重复分组");
    await expect(form.getByRole("alert")).not.toContainText("may not");
  });
});
