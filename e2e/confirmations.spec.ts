import { expect, test } from "@playwright/test";
import { queryOne } from "./support/database";

// Actions that send data to TOP or cannot be undone ask first, and say what they will do.

const EMULATOR = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3210) + 1}`;

async function setFaults(faults: object) {
  const res = await fetch(`${EMULATOR}/__emulator/faults`, { method: "POST", body: JSON.stringify(faults) });
  expect(res.status).toBe(200);
}

test.describe("confirmations before sending or destroying", () => {
  test.afterEach(() => setFaults({}));

  test("an accepted record's page: submit asks first and holds the record back unless re-sending is chosen", async ({
    page,
  }) => {
    const { id } = await queryOne<{ id: string }>(
      "UPDATE call_records SET submission_state = 'accepted' WHERE id = (SELECT id FROM call_records WHERE submission_state = 'not_submitted' AND result_status = 'NO_ANSWER' ORDER BY id LIMIT 1) RETURNING call_record_id::text AS id",
    );
    const before = await queryOne<{ n: string }>("SELECT count(*)::text AS n FROM submission_batches");
    await page.goto(`/calls/${id}`);
    await page.getByRole("button", { name: "Submit this record to TOP…" }).click();
    const dialog = page.getByRole("dialog", { name: "Submit to TOP" });
    // Nothing was sent by the click.
    expect((await queryOne<{ n: string }>("SELECT count(*)::text AS n FROM submission_batches")).n).toBe(before.n);
    await expect(dialog.getByTestId("sendable-count")).toHaveText("0");
    await expect(dialog).toContainText("already accepted");
    const send = dialog.getByTestId("send-button");
    await expect(send).toBeDisabled();
    const resend = dialog.getByLabel("Also send again the 1 record TOP has already accepted");
    await expect(resend).not.toBeChecked();
    await resend.check();
    await expect(send).toHaveText("Send 1 record");
    await expect(send).toBeEnabled();
    // A double click queues one batch.
    await send.dblclick();
    await expect(page).toHaveURL(/\/submissions\/\d+$/);
    const batches = await queryOne<{ n: string; resend: boolean }>(
      "SELECT count(*)::text AS n, bool_and(resend_accepted) AS resend FROM submission_batches WHERE selection->'ids' ? $1",
      [id],
    );
    expect(batches).toEqual({ n: "1", resend: true });
  });

  test("the send button waits for the check: disabled, a spinner and no number", async ({ page }) => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.goto("/calls?status=BUSY&submission=not_submitted&size=25");
    await page.getByLabel("Select this page").check();
    // Hold the check's server action until the button has been looked at.
    await page.route("**/calls**", async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await page.getByRole("button", { name: "Submit to TOP…" }).click();
    const send = page.getByRole("dialog").getByTestId("send-button");
    await expect(send).toBeDisabled();
    await expect(send).toHaveText("Checking…");
    await expect(send).not.toHaveText(/\d/);
    release();
    await expect(send).toHaveText("Send 25 records");
    await expect(send).toBeEnabled();
  });

  test("cancel batch confirms with counts, and the page keeps refreshing until nothing is in flight", async ({
    page,
  }) => {
    // A page of 100 rows, a check and a running batch: more than the default budget on a loaded machine.
    test.slow();
    // Slow answers: the batch is still running when it is cancelled.
    await setFaults({ delay: { probability: 1, minMs: 1500, maxMs: 2000 } });
    await page.goto("/calls?status=NO_ANSWER&submission=not_submitted&size=100");
    await page.getByLabel("Select this page").check();
    await page.getByRole("button", { name: "Submit to TOP…" }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /^Send \d+ records$/ })
      .click();
    await expect(page).toHaveURL(/\/submissions\/\d+$/);
    const batchId = page.url().split("/").pop()!;

    await page.getByRole("button", { name: "Cancel batch" }).click();
    const dialog = page.getByTestId("cancel-batch-dialog");
    await expect(dialog).toContainText(`Cancel batch #${batchId}?`);
    await expect(dialog).toContainText(/\d+ waiting records will not be sent/);
    // Keeping it changes nothing.
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await expect(page.getByTestId("batch-status")).toHaveAttribute("data-status", "running");

    await page.getByRole("button", { name: "Cancel batch" }).click();
    await page.getByTestId("cancel-batch-dialog").getByRole("button", { name: "Cancel the batch" }).click();
    await expect(page.getByTestId("batch-status")).toHaveAttribute("data-status", "cancelled");
    // The calls that were on the wire settle and the page shows it without a reload.
    await expect(page.getByTestId("batch-in_flight")).toHaveText("0", { timeout: 20_000 });
  });
});

test.describe("admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("disabling an account confirms with what it ends; an admin cannot disable their own", async ({ page }) => {
    await page.goto("/admin/users");
    const me = page.getByTestId("user-row").filter({ hasText: "admin@demo.local" });
    await expect(me.getByRole("button", { name: "Disable" })).toHaveCount(0);
    await expect(me).toContainText("You cannot disable your own account.");

    const operator = page.getByTestId("user-row").filter({ hasText: "operator@demo.local" });
    await operator.getByRole("button", { name: "Disable" }).click();
    const dialog = page.getByTestId("disable-user-dialog");
    await expect(dialog).toContainText("Disable operator@demo.local?");
    await expect(dialog).toContainText(/open session|has no open session/);
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await expect(operator).toContainText("active");
  });
});
