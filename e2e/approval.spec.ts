import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { queryOne } from "./support/database";
import { useLanguage } from "./support/locale";

// Four-eyes approval: the e2e product runs with SUBMISSION_APPROVAL_THRESHOLD=100 (playwright.config.ts).
const CHECKER = { email: "checker-e2e@test.local", password: "second pair of eyes 2026" };

/**
 * A second supervisor (the demo has one), stored with a password of its own: one an admin creates (users.create) must
 * change it at first sign-in, which auth.spec.ts covers and this spec would only have to step through.
 */
async function ensureChecker(): Promise<void> {
  await queryOne(
    `INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Second supervisor', 'supervisor', $2)
     ON CONFLICT (email) DO NOTHING`,
    [CHECKER.email, await hashPassword(CHECKER.password)],
  );
}

const axe = (page: Page, include?: string) => {
  const builder = new AxeBuilder({ page });
  return (include ? builder.include(include) : builder).analyze().then((r) => r.violations.map((v) => v.id));
};

test("a batch above the threshold waits; its requester cannot approve it; a second supervisor approves it", async ({
  page,
  browser,
  baseURL,
}) => {
  // Two sign-ins, a batch of several hundred records and its approval: more than the default budget when loaded.
  test.slow();
  await ensureChecker();
  // The requester (the demo supervisor) selects every OUT_OF_SERVICE record not sent yet: more than the threshold.
  await page.goto("/calls?status=OUT_OF_SERVICE&submission=not_submitted&size=25");
  await page.getByLabel("Select this page").check();
  await page.getByRole("button", { name: /^Select all [\d,]+ records matching this filter$/ }).click();
  await page.getByRole("button", { name: "Submit to TOP…" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit to TOP" });
  await expect(dialog.getByTestId("approval-notice")).toContainText("wait for another supervisor's approval");
  await dialog.getByTestId("send-button").click();

  await expect(page).toHaveURL(/\/submissions\/\d+$/);
  const batchId = page.url().split("/").pop()!;
  await expect(page.getByTestId("batch-status")).toHaveText("awaiting approval");
  await expect(page.getByTestId("approval-waiting")).toContainText("you cannot approve it yourself");
  await expect(page.getByRole("button", { name: "Approve…" })).toHaveCount(0);
  const stored = await queryOne<{ status: string; jobs: string; total: number }>(
    `SELECT status::text, total, (SELECT count(*)::text FROM submission_jobs WHERE batch_id = $1) AS jobs
     FROM submission_batches WHERE id = $1`,
    [batchId],
  );
  expect(stored).toMatchObject({ status: "awaiting_approval", jobs: "0" });
  expect(stored.total).toBeGreaterThan(100);
  await expect(page.getByTestId("approval-panel")).toContainText(
    `Records to send: ${stored.total.toLocaleString("en")}`,
  );

  // The second supervisor finds it on /submissions and approves it with a comment.
  // A context of its own, signed out (contexts otherwise start with the project's supervisor sign-in).
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await useLanguage(context, baseURL!, "en");
  const checker = await context.newPage();
  await checker.goto("/sign-in");
  await checker.getByLabel("Email").fill(CHECKER.email);
  await checker.getByLabel("Password").fill(CHECKER.password);
  await checker.getByRole("button", { name: "Sign in" }).click();
  await expect(checker.getByTestId("current-user")).toContainText("(supervisor)");
  await checker.goto("/submissions");
  const section = checker.getByTestId("awaiting-approval");
  await expect(section).toContainText("Awaiting approval");
  await section.getByRole("link", { name: `#${batchId}` }).click();
  await expect(checker.getByTestId("approval-panel")).toContainText("more records than the approval threshold");
  await expect(axe(checker)).resolves.toEqual([]);
  await checker.getByRole("button", { name: "Approve…" }).click();
  const confirm = checker.getByRole("dialog", { name: `Approve batch #${batchId}?` });
  await expect(confirm).toContainText(
    `${stored.total.toLocaleString("en")} records will be sent to TOP as soon as you approve.`,
  );
  await confirm.getByLabel("Comment (optional)").fill("Checked the filter with the team.");
  await expect(axe(checker, "dialog")).resolves.toEqual([]);
  await confirm.getByRole("button", { name: "Approve and send" }).click();
  await expect(checker.getByTestId("approval-panel")).toContainText(`Approved by ${CHECKER.email}`);
  await expect(checker.getByTestId("approval-panel")).toContainText("Comment: Checked the filter with the team.");
  await context.close();

  // The requester's page follows the decision without a reload: sending started, with who approved it and why.
  await expect(page.getByTestId("batch-status")).not.toHaveText("awaiting approval", { timeout: 15_000 });
  await expect(page.getByTestId("approval-panel")).toContainText(`Approved by ${CHECKER.email}`);
  await expect(page.getByTestId("approval-waiting")).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (
          await queryOne<{ n: number }>("SELECT count(*)::int AS n FROM submission_attempts WHERE batch_id = $1", [
            batchId,
          ])
        ).n,
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  // The rest is left out of the other specs' way (they share the emulator's rate): the requester cancels it.
  await page.getByRole("button", { name: "Cancel batch" }).click();
  await page.getByTestId("cancel-batch-dialog").getByRole("button", { name: "Cancel the batch" }).click();
  await expect(page.getByTestId("batch-status")).toHaveAttribute("data-status", "cancelled");
  const audit = await queryOne<{ actor: string }>(
    "SELECT actor_email AS actor FROM audit_events WHERE action = 'submission.approve' AND target = $1",
    [`batch:${batchId}`],
  );
  expect(audit?.actor).toBe(CHECKER.email);
});
