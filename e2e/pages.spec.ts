import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { queryOne } from "./support/database";

test.describe("browsing", () => {
  test("calls list pages with keyset cursors and filters from the URL", async ({ page }) => {
    await page.goto("/calls?status=BUSY&size=25");
    const rows = page.getByTestId("call-row");
    await expect(rows).toHaveCount(25);
    await expect(rows.first()).toContainText("BUSY");
    // Numbers are masked in the list.
    await expect(rows.first()).toContainText(/1\d{2}\*{4}\d{4}/);
    await page.getByRole("link", { name: "Next page →" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(rows).toHaveCount(25);
    await expect(page.getByRole("link", { name: "← First page" })).toBeVisible();
  });

  test("filters from the filter bar land in the URL and survive a reload", async ({ page }) => {
    await page.goto("/calls?size=25");
    const filters = page.getByRole("region", { name: "Filters" });
    // The box follows the URL: it is checked once the navigation it starts has landed.
    await filters.getByRole("group", { name: "Result status" }).getByLabel("REFUSED").click();
    await expect(page).toHaveURL(/status=REFUSED/);
    await expect(page.getByLabel("REFUSED")).toBeChecked();
    await page.getByRole("combobox", { name: "Recording" }).selectOption("false");
    await expect(page).toHaveURL(/audio=false/);
    await page.reload();
    await expect(page.getByLabel("REFUSED")).toBeChecked();
    const rows = page.getByTestId("call-row");
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allInnerTexts()) expect(text).toContain("REFUSED");
    const { n } = await queryOne<{ n: number }>(
      "SELECT count(*)::int AS n FROM call_records WHERE result_status = 'REFUSED' AND full_audio_url IS NULL",
    );
    await expect(rows).toHaveCount(Math.min(n, 25));
    await page.goBack();
    await expect(page).toHaveURL(/status=REFUSED/);
    await expect(page).not.toHaveURL(/audio=false/);
  });

  test("exports the current filter as CSV, masked", async ({ page }) => {
    await page.goto("/calls?status=BUSY&size=25");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    const csv = (await (await download.createReadStream()).toArray()).map(String).join("");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]!.startsWith("\uFEFFcall_record_id,robot_call_job_id,called_phone_number,result_status")).toBe(true);
    const { n } = await queryOne<{ n: number }>(
      "SELECT count(*)::int AS n FROM call_records WHERE result_status = 'BUSY'",
    );
    expect(lines.length - 1).toBe(n);
    expect(lines.slice(1).every((l) => l.split(",")[3] === "BUSY")).toBe(true);
    expect(csv).not.toMatch(/,1\d{10},/); // no full mobile number anywhere
  });

  test("the table works from the keyboard: j/k move, x selects, Enter opens", async ({ page }) => {
    await page.goto("/calls?status=BUSY&size=25");
    const rows = page.getByTestId("call-row");
    await expect(page.getByTestId("table-keys")).toHaveAttribute("data-ready", "true");
    await page.keyboard.press("j");
    await expect(rows.nth(0)).toBeFocused();
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press("x");
    await expect(page.getByTestId("selection-summary")).toHaveText("1 selected");
    await rows.nth(1).focus();
    const href = await rows.nth(1).getByRole("link").first().getAttribute("href");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname + url.search === href);
  });

  test("a record opened from a filtered list pages to the list's next record", async ({ page }) => {
    await page.goto("/calls?status=NO_ANSWER&size=25");
    const rows = page.getByTestId("call-row");
    const second = await rows.nth(1).getByRole("link").first().getAttribute("href");
    await rows.nth(0).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/calls\/\d+\?status=NO_ANSWER/);
    await page.getByRole("navigation", { name: "Records in this list" }).getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL((url) => url.pathname + url.search === second);
    await page.getByRole("link", { name: "← Back to the list" }).click();
    await expect(page).toHaveURL(/\/calls\?status=NO_ANSWER/);
  });

  test("the column chooser hides and shows columns and remembers the choice", async ({ page }) => {
    await page.goto("/calls?size=25");
    const header = page.getByRole("columnheader", { name: "Intent" });
    await expect(header).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Caller number" })).toBeHidden(); // hidden by default
    await page.getByText("Columns", { exact: true }).click();
    await page.getByRole("group", { name: "Shown columns" }).getByLabel("Intent").uncheck();
    await page.getByRole("group", { name: "Shown columns" }).getByLabel("Caller number").check();
    await expect(header).toBeHidden();
    await page.reload();
    await expect(page.getByRole("columnheader", { name: "Intent" })).toBeHidden();
    await expect(page.getByRole("columnheader", { name: "Caller number" })).toBeVisible();
    // Every row has a cell under each shown header, and none under a hidden one.
    const headers = await page.locator("#calls-table thead th").count();
    await expect(page.getByTestId("call-row").first().locator("td")).toHaveCount(headers);
  });

  test("an invalid filter is named, not fatal", async ({ page }) => {
    await page.goto("/calls?submission=sent&size=25");
    await expect(page.getByRole("alert").filter({ hasText: "ignored" })).toContainText(
      '"sent" must be one of not_submitted, queued',
    );
    await expect(page.getByTestId("call-row")).toHaveCount(25);
  });

  test("a recording plays through the audio proxy, with Range for seeking", async ({ page, request }) => {
    const { id } = await queryOne<{ id: string }>(
      "SELECT call_record_id::text AS id FROM call_records WHERE source = 'seed' AND full_audio_url IS NOT NULL LIMIT 1",
    );
    const part = await request.get(`/api/audio/${id}`, { headers: { Range: "bytes=0-99" } });
    expect(part.status()).toBe(206);
    expect(part.headers()["content-type"]).toBe("audio/mpeg");
    expect((await part.body()).length).toBe(100);
    await page.goto(`/calls/${id}`);
    await expect(page.getByTestId("recording")).toHaveAttribute("src", `/api/audio/${id}`);
    await expect
      .poll(() => page.getByTestId("recording").evaluate((a: HTMLAudioElement) => a.duration))
      .toBeGreaterThan(5);
  });

  test("a record's detail shows its wire fields", async ({ page }) => {
    const rec = await queryOne<{ id: string; job: string }>(
      "SELECT call_record_id::text AS id, robot_call_job_id::text AS job FROM call_records WHERE source = 'seed' AND properties_json IS NOT NULL ORDER BY start_time DESC LIMIT 1",
    );
    await page.goto(`/calls/${rec.id}`);
    await expect(page.getByRole("heading", { name: `Call ${rec.id}` })).toBeVisible();
    await expect(page.getByText(rec.job, { exact: true }).first()).toBeVisible();
    // The wire field as a row of the record's table (the correction panel also names it in its field picker).
    await expect(page.getByRole("rowheader", { name: "intent_level_tag_id" })).toBeVisible();
    await page.goto("/calls/123abc");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });

  test("jobs overview pages by keyset with the count of jobs, sorts from the first page, and links to a job and its calls", async ({
    page,
  }) => {
    test.slow(); // eight page loads of the overview and a job's page
    // More jobs than one page holds: 60 of one call each, with the latest calls, removed afterwards.
    await queryOne(`
      INSERT INTO call_records (call_record_id, robot_call_job_id, result_status, start_time, source, content_hash)
      SELECT 880000000000 + g, 880000000 + g, 'ANSWERED', '2100-01-01'::timestamptz - g * interval '1 minute', 'seed', repeat('0', 64)
      FROM generate_series(1, 60) g`);
    try {
      const { jobs } = await queryOne<{ jobs: number }>(
        "SELECT count(DISTINCT robot_call_job_id)::int AS jobs FROM call_records",
      );
      const rows = page.getByTestId("job-row");
      const range = page.getByTestId("jobs-range");
      await page.goto("/jobs");
      await expect(rows).toHaveCount(50);
      await expect(range).toHaveText(`1–50 of ${jobs} jobs`);
      await expect(rows.first().getByRole("link").first()).toHaveText("880000001"); // the most recent last call first
      await expect(page.getByText("← Previous page")).toHaveAttribute("aria-disabled", "true");
      await page.getByRole("link", { name: "Next page →" }).click();
      await expect(page).toHaveURL(/\/jobs\?after=\d+_880000050$/);
      await expect(rows).toHaveCount(Math.min(50, jobs - 50));
      await expect(range).toHaveText(`51–${Math.min(100, jobs)} of ${jobs} jobs`);
      await expect(rows.first().getByRole("link").first()).toHaveText("880000051");
      await page.getByRole("link", { name: "← Previous page" }).click();
      await expect(page).toHaveURL(/\/jobs\?before=\d+_880000051$/);
      await expect(rows).toHaveCount(50);
      await expect(rows.first().getByRole("link").first()).toHaveText("880000001");
      // Another sort starts from its first page; the job id sorts up.
      await page.getByRole("columnheader", { name: "Job" }).getByRole("link").click();
      await expect(page).toHaveURL(/\/jobs\?sort=job$/);
      await expect(page.getByRole("columnheader", { name: "Job" })).toHaveAttribute("aria-sort", "ascending");
      await expect(range).toHaveText(`1–50 of ${jobs} jobs`);
      // A cursor edited by hand falls back to the first page.
      await page.goto("/jobs?sort=total&after=1.5_x");
      await expect(range).toHaveText(`1–50 of ${jobs} jobs`);
    } finally {
      await queryOne("DELETE FROM call_records WHERE call_record_id BETWEEN 880000000001 AND 880000000060");
    }
    await page.goto("/jobs");
    await page.getByTestId("job-row").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    await expect(page.getByRole("region", { name: "Result status" })).toBeVisible();
    await page.getByRole("region", { name: "Result status" }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/calls\?job=\d+&status=/);
  });

  test("a job's page has no accessibility violations", async ({ page }) => {
    const { job } = await queryOne<{ job: string }>(
      "SELECT robot_call_job_id::text AS job FROM call_records WHERE source = 'seed' LIMIT 1",
    );
    await page.goto(`/jobs/${job}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(job);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });

  for (const path of ["/calls", "/jobs", "/submissions", "/review"]) {
    test(`${path} has no accessibility violations`, async ({ page }) => {
      test.slow(); // axe over a full page (/calls: 50 rows × 12 columns) exceeds 30 s on a busy machine
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }
});
