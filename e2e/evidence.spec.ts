import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { verifyBundle } from "../lib/evidence/verify";

// A supervisor downloads a record's evidence bundle from its page (asked why
// first), and the downloaded ZIP verifies against the console's public key.

const TOKEN = "e2e-ingest-token-0123456789abcdef";
const JOB = "75000000002000";
const ID = "75000000002001";

test.beforeAll(async ({ request }) => {
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    data: {
      call_record_id: ID,
      robot_call_job_id: JOB,
      result_status: "ANSWERED",
      start_time: "2026-11-18 10:00:00",
      end_time: "2026-11-18 10:00:40",
      chat_duration: 40,
      called_phone_number: "13800007501",
      name: "赵六",
    },
  });
  expect(res.ok()).toBe(true);
});

test("a supervisor downloads a record's evidence bundle with a reason, and it verifies", async ({ page, request }) => {
  await page.goto(`/calls/${ID}`);
  await page.getByTestId("evidence-download").click();
  const dialog = page.getByRole("dialog", { name: "Download a signed evidence bundle" });
  await expect(dialog).toBeVisible();
  // No reason, no download.
  await expect(page.getByTestId("evidence-go")).toBeDisabled();
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
  await page.getByTestId("evidence-reason").fill("e2e: dispute 75");
  const downloading = page.waitForEvent("download");
  await page.getByTestId("evidence-go").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`evidence-${ID}.zip`);
  const file = test.info().outputPath("bundle.zip");
  await download.saveAs(file);

  const key = await (await request.get("/api/evidence/public-key")).text();
  const result = await verifyBundle(file, { publicKey: key });
  expect(result).toMatchObject({ ok: true, manifest: { reason: "e2e: dispute 75", records: 1 } });
  if (result.ok) expect(result.manifest.files.map((f) => f.path)).toContain("summary.pdf");
});
