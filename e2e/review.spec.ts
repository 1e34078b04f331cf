import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryOne } from "./support/database";

// The review workflow as a reviewer: a queue of records pushed through the
// ingest API (the data layer), played, sought by keyboard, flagged with a
// reason and a comment pinned to a moment, then found under the flagged filter.
test.use({ storageState: "e2e/.auth/reviewer.json" });

const TOKEN = "e2e-ingest-token-0123456789abcdef";
const JOB = "9300000000000001";
const ids = ["8300000000000000001", "8300000000000000002"];

test.beforeAll(async ({ request, baseURL }) => {
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    data: ids.map((id, i) => ({
      call_record_id: id,
      robot_call_job_id: JOB,
      result_status: "ANSWERED",
      start_time: `2026-11-2${i} 10:00:00`,
      end_time: `2026-11-2${i} 10:00:24`,
      chat_duration: 24,
      called_phone_number: "13800001234",
      name: "张三",
      intent_level_tag_id: 11,
      intent_level_code: 2,
      intent_level_detail_name: "承诺还款",
      full_audio_url: `${baseURL}/demo-audio/debt-promise.mp3`,
    })),
  });
  expect(res.ok()).toBe(true);
});

const audioTime = (page: Page) => page.getByTestId("recording").evaluate((a: HTMLAudioElement) => a.currentTime);

test("a reviewer plays, seeks by keyboard, flags with a reason and a pinned comment, moves on, and finds it flagged", async ({
  page,
}) => {
  // A whole review round (playing real audio, five server actions): longer than one page check.
  test.setTimeout(120_000);
  await page.goto(`/review?job=${JOB}&review=unreviewed`);
  const item = page.getByTestId("review-item");
  // Newest first: the second record.
  await expect(item).toHaveAttribute("data-record", ids[1]!);
  // The waveform is drawn (the page's CSP lets the player fetch and decode the recording).
  await expect(page.getByTestId("waveform")).toHaveAttribute("data-state", "ready");
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

  // Space plays; the audio element's position advances.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("Space");
  await expect.poll(() => audioTime(page), { timeout: 15_000 }).toBeGreaterThan(0.5);
  await page.keyboard.press("Space");
  await expect(page.getByTestId("play")).toHaveText("Play");

  // → jumps five seconds; the URL keeps the moment.
  const before = await audioTime(page);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => audioTime(page)).toBeGreaterThan(before + 4.5);
  await expect.poll(() => new URL(page.url()).searchParams.get("t")).toBe(String(Math.floor(before + 5)));
  // ] speeds up.
  await page.keyboard.press("]");
  await expect(page.getByTestId("speed")).toHaveValue("1.25");
  expect(await page.getByTestId("recording").evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.25);

  // c: a comment at this moment.
  const at = Math.floor(await audioTime(page));
  await page.keyboard.press("c");
  const box = page.getByRole("textbox", { name: /Comment at/ });
  await expect(box).toBeFocused();
  await page.keyboard.type("debtor disputes the amount");
  await page.keyboard.press("Enter");
  const comment = page.getByTestId("comments").getByRole("listitem");
  await expect(comment).toContainText("debtor disputes the amount");
  await expect(comment.getByRole("button")).toHaveText(`0:${String(at).padStart(2, "0")}`);
  // Clicking it plays from there.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => audioTime(page)).toBeLessThan(at);
  await comment.getByRole("button").click();
  await expect.poll(() => audioTime(page)).toBeGreaterThanOrEqual(at);

  // f: flag with a reason; the next record comes up, and the page's counters follow without a reload.
  const counter = async (state: string) =>
    Number((await page.getByTestId(`review-count-${state}`).textContent())!.replace(/\D/g, ""));
  const [unreviewed, flagged] = [await counter("unreviewed"), await counter("flagged")];
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("f");
  await page.getByLabel("Compliance concern").check();
  await page.getByLabel("Notes").fill("robot did not identify itself");
  await page.getByRole("button", { name: "Flag and next" }).click();
  await expect(item).toHaveAttribute("data-record", ids[0]!);
  await expect(page.getByTestId("review-status")).toContainText(`Flagged: record ${ids[1]}`);
  await expect.poll(() => counter("flagged")).toBe(flagged + 1);
  await expect.poll(() => counter("unreviewed")).toBe(unreviewed - 1);

  const stored = await queryOne<{ review_state: string; reasons: string[]; email: string }>(
    `SELECT r.review_state::text, v.reasons, u.email FROM call_records r JOIN reviews v ON v.record_id = r.id JOIN users u ON u.id = r.reviewed_by_id
     WHERE r.call_record_id = $1`,
    [ids[1]],
  );
  expect(stored).toEqual({ review_state: "flagged", reasons: ["compliance"], email: "reviewer@demo.local" });

  // The reviewed filter shows it, with its reviewer.
  await page.goto(`/calls?job=${JOB}&review=flagged`);
  const rows = page.locator("#calls-table tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Flagged".toLowerCase(), { ignoreCase: true });
  await expect(rows.first().getByTestId("reviewed-by")).not.toBeEmpty();
});

test("the worker archives a pushed recording; the record page says so and offers the archived file", async ({
  page,
}) => {
  await expect
    .poll(
      async () =>
        (
          await queryOne<{ state: string }>(
            `SELECT a.state::text AS state FROM audio_archives a JOIN call_records r ON r.id = a.record_id WHERE r.call_record_id = $1`,
            [ids[0]],
          )
        ).state,
      {
        timeout: 30_000,
      },
    )
    .toBe("archived");
  await page.goto(`/calls/${ids[0]}?t=12`);
  await expect(page.getByTestId("archive-state")).toHaveAttribute("data-state", "archived");
  await expect(page.getByRole("link", { name: "Download" })).toHaveAttribute("href", `/api/audio/${ids[0]}?download=1`);
  // The link opens at its moment.
  await expect.poll(() => audioTime(page)).toBeGreaterThanOrEqual(12);
});

test("the player shows why a recording cannot play", async ({ page, request }) => {
  const id = "8300000000000000009";
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    data: [
      {
        call_record_id: id,
        robot_call_job_id: JOB,
        result_status: "ANSWERED",
        start_time: "2026-11-20 11:00:00",
        full_audio_url: "https://vendor.example.com/expired.mp3",
      },
    ],
  });
  expect(res.ok()).toBe(true);
  await page.goto(`/calls/${id}`);
  // One clear state, in the user's language, with the code that names the cause.
  const error = page.getByTestId("audio-error");
  await expect(error).toHaveAttribute("data-code", "host_not_allowed");
  await expect(error).toContainText("vendor.example.com");
  await expect(page.locator("audio")).toHaveCount(0);
});
