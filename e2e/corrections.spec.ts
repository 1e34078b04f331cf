import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { parseJsonExact } from "../lib/call-records/json-bigint";
import { queryOne } from "./support/database";

// Fix, then resubmit: a failure group fixed in bulk, and one record corrected on its page.
// The e2e product runs its TOP emulator on E2E_PORT + 1 and approval on (playwright.config.ts).
const EMULATOR = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3210) + 1}`;
const TOKEN = "e2e-ingest-token-0123456789abcdef";

async function setFaults(faults: object) {
  const res = await fetch(`${EMULATOR}/__emulator/faults`, { method: "POST", body: JSON.stringify(faults) });
  expect(res.status).toBe(200);
}

/** Records of this spec's own job without an end_time (the vendor left it out), pushed through the ingest API. */
async function pushWithoutEndTime(request: APIRequestContext, job: string, ids: string[]) {
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: ids.map((id, i) => ({
      call_record_id: id,
      robot_call_job_id: job,
      result_status: "ANSWERED",
      start_time: "2026-11-21 10:00:00",
      chat_duration: 40 + i,
      called_phone_number: "13800001234",
    })),
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).summary).toMatchObject({ created: ids.length, rejected: 0 });
}

/** Sends a job's records from /calls while TOP rejects everything: one failure group. Answers the batch id. */
async function sendRejected(page: Page, job: string, count: number): Promise<string> {
  await setFaults({ businessReject: 1 });
  await page.goto(`/calls?job=${job}&size=25`);
  await page.getByLabel("Select this page").check();
  await page.getByRole("button", { name: "Submit to TOP…" }).click();
  await page
    .getByRole("dialog", { name: "Submit to TOP" })
    .getByRole("button", { name: count === 1 ? "Send 1 record" : `Send ${count} records` })
    .click();
  await expect(page).toHaveURL(/\/submissions\/\d+$/);
  await expect(page.getByTestId("batch-status")).toHaveText("done", { timeout: 30_000 });
  await expect(page.getByTestId("batch-rejected")).toHaveText(String(count));
  await setFaults({});
  return page.url().split("/").pop()!;
}

async function lastReceived(callRecordId: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${EMULATOR}/__emulator/received/${callRecordId}`);
  const body = (await res.json()) as { params: Record<string, string> };
  return parseJsonExact(body.params.ivr_call_record_d_t_o!) as Record<string, unknown>;
}

const axe = (page: Page, include?: string) => {
  const builder = new AxeBuilder({ page });
  return (include ? builder.include(include) : builder).analyze().then((r) => r.violations.map((v) => v.id));
};

test.describe("fix, then resubmit", () => {
  test.afterEach(() => setFaults({}));

  test("a rejected failure group: fill end_time in bulk, preview, resubmit, approved, accepted", async ({
    page,
    browser,
    request,
  }) => {
    // Two batches, an approval in a second browser context and the sending: more than the default budget when loaded.
    test.slow();
    const job = "72005000000900";
    const ids = ["72005000000001", "72005000000002", "72005000000003"];
    await pushWithoutEndTime(request, job, ids);
    const failedBatch = await sendRejected(page, job, 3);

    const group = page.getByTestId("failure-group");
    await expect(group).toContainText("BIZ_REJECTED");
    await group.getByRole("button", { name: "Fix in bulk…" }).click();
    const dialog = page.getByRole("dialog", { name: "Fix a failure group and resubmit it" });
    await dialog.getByLabel("Fill end_time from start_time + chat_duration").check();
    await dialog.getByLabel("Reason").fill("The vendor left end_time out");
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByTestId("bulk-fix-count")).toHaveText(
      "3 records of this group still fail; the fix changes what 3 of them send.",
    );
    await expect(dialog.getByTestId("approval-notice")).toContainText("wait for another supervisor's approval");
    const diffs = dialog.getByTestId("payload-diff");
    await expect(diffs).toHaveCount(3);
    await expect(diffs.first().getByTestId("diff-changed")).toHaveCount(1);
    await expect(diffs.first().getByTestId("diff-changed")).toContainText("end_time");
    await expect(diffs.first().getByTestId("diff-changed")).toContainText("2026-11-21 10:00:40");
    await expect(axe(page, "dialog")).resolves.toEqual([]);
    await dialog.getByRole("button", { name: "Fix and resubmit 3 records" }).dblclick();

    // A bulk fix waits for a second pair of eyes (approval is on): an admin approves it, seeing the diffs.
    await expect(page).not.toHaveURL(new RegExp(`/submissions/${failedBatch}$`));
    await expect(page).toHaveURL(/\/submissions\/\d+$/);
    const fixBatch = page.url().split("/").pop()!;
    await expect(page.getByTestId("batch-status")).toHaveText("awaiting approval");
    await expect(page.getByTestId("approval-panel")).toContainText("Records to send: 3");
    // The double click asked once.
    const asked = await queryOne<{ n: number }>(
      "SELECT count(*)::int AS n FROM submission_batches WHERE status = 'awaiting_approval' AND selection->>'batchId' = $1",
      [failedBatch],
    );
    expect(asked.n).toBe(1);
    const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
    const checker = await admin.newPage();
    await checker.goto(`/submissions/${fixBatch}`);
    const panel = checker.getByTestId("approval-panel");
    await expect(panel).toContainText("a bulk fix of a failure group");
    await expect(panel.getByTestId("diff-changed").first()).toContainText("2026-11-21 10:00:40");
    await checker.getByRole("button", { name: "Approve…" }).click();
    await checker
      .getByRole("dialog", { name: `Approve batch #${fixBatch}?` })
      .getByRole("button", { name: "Approve and send" })
      .click();
    await expect(panel).toContainText("Approved by admin@demo.local");
    await admin.close();

    // The requester's page follows the approval and the sending without a reload.
    await expect(page.getByTestId("batch-status")).toHaveText("done", { timeout: 30_000 });
    await expect(page.getByTestId("batch-accepted")).toHaveText("3");
    expect(await lastReceived(ids[0]!)).toMatchObject({ end_time: "2026-11-21 10:00:40" });
    expect(await lastReceived(ids[2]!)).toMatchObject({ end_time: "2026-11-21 10:00:42" });

    // Back on the failed batch, the group has nothing left to fix: the dialog says so and sends nothing.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/submissions/${failedBatch}$`));
    await page.getByTestId("failure-group").getByRole("button", { name: "Fix in bulk…" }).click();
    await dialog.getByLabel("Reason").fill("again");
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByTestId("bulk-fix-count")).toHaveText(
      "No record of this group is still failing: there is nothing left to fix.",
    );
    await expect(dialog.getByRole("button", { name: /^Fix and resubmit/ })).toBeDisabled();
  });

  test("one record corrected on its page with a reason: the payload diff, then a bad value refused", async ({
    page,
    request,
  }) => {
    const id = "72005000000011";
    await pushWithoutEndTime(request, "72005000000901", [id]);
    await sendRejected(page, "72005000000901", 1);

    await page.goto(`/calls/${id}`);
    const panel = page.getByRole("region", { name: "What TOP gets" });
    await expect(panel).toContainText("No correction: the next attempt sends the record as received.");
    await expect(panel.getByTestId("diff-changed")).toHaveCount(0);
    await panel.getByLabel("Field").selectOption("end_time");
    await panel.getByLabel("New value").fill("2026-11-21 10:00:40");
    await panel.getByLabel("Reason").fill("Computed from start_time and chat_duration");
    await panel.getByRole("button", { name: "Save correction" }).click();
    await expect(panel.getByTestId("correction-status")).toContainText("Corrected (end_time) by supervisor@demo.local");
    await expect(panel.getByTestId("correction-status")).toContainText(
      "Reason: Computed from start_time and chat_duration",
    );
    const changed = panel.getByTestId("diff-changed");
    await expect(changed).toHaveCount(1);
    await expect(changed).toContainText("end_time (corrected)");
    await expect(changed).toContainText("2026-11-21 10:00:40");
    await expect(axe(page)).resolves.toEqual([]);

    // A value the ingest would refuse is refused here too, with the field named; the correction in place stays.
    await panel.getByLabel("Field").selectOption("chat_duration");
    await panel.getByLabel("New value").fill("forty");
    await panel.getByRole("button", { name: "Save correction" }).click();
    await expect(panel.getByTestId("correction-errors")).toContainText("chat_duration:");
    await expect(panel.getByTestId("correction-status")).toContainText("Corrected (end_time)");
  });
});
