import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/demo";
import { queryOne } from "./support/database";
import { seedAs } from "./support/seed";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("every page sends you to sign in, and back afterwards", async ({ page }) => {
    await page.goto("/jobs?sort=total");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs%3Fsort%3Dtotal$/);
    await expect(page.getByRole("complementary", { name: "Demo accounts" })).toContainText("operator@demo.local");
    expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
    await page.getByLabel("Email").fill("reviewer@demo.local");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/jobs\?sort=total$/);
    await expect(page.getByTestId("current-user")).toContainText("(reviewer)");
  });

  test("API routes answer 401 without a session", async ({ request }) => {
    expect((await request.get("/api/submissions")).status()).toBe(401);
    expect((await request.get("/api/calls/export")).status()).toBe(401);
  });

  test("a wrong password is refused, and five lock the account", async ({ page }) => {
    const email = `lockout-${Date.now()}@test.local`;
    // A throwaway account, made by the demo admin, so the demo accounts stay usable.
    await seedAs("admin@demo.local", "users.create", {
      email,
      name: "Lockout test",
      role: "operator",
      password: "right password 123",
    });
    await page.goto("/sign-in");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong ${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      // Each attempt is on the audit trail once the server has judged it.
      await expect
        .poll(
          async () =>
            (
              await queryOne<{ n: number }>(
                "SELECT count(*)::int AS n FROM audit_events WHERE target = $1 AND action LIKE 'sign_in.%'",
                [email],
              )
            ).n,
        )
        .toBe(i + 1);
      await expect(page.getByRole("alert").filter({ hasText: "wrong" })).toHaveText("The email or password is wrong.");
    }
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("right password 123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "locked" })).toContainText(
      "This account is locked after 5 failed sign-ins",
    );
    const { n } = await queryOne<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE target = $1 AND action = 'sign_in.lockout'",
      [email],
    );
    expect(n).toBe(1);
  });
});

test.describe("operator", () => {
  test.use({ storageState: "e2e/.auth/operator.json" });

  test("browses and exports but cannot submit", async ({ page, request }) => {
    await page.goto("/calls?size=25");
    await expect(page.getByTestId("call-row")).toHaveCount(25);
    await expect(page.getByLabel("Select this page")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Submit to TOP…" })).toHaveCount(0);
    expect((await request.get("/api/calls/export?status=BUSY")).status()).toBe(200);
  });
});

test.describe("forcing a server action", () => {
  test("an operator replaying a supervisor's submit-check action gets 'forbidden'", async ({
    page,
    playwright,
    baseURL,
  }) => {
    // Capture the real server-action request a supervisor's browser makes…
    await page.goto("/calls?status=BUSY&size=25");
    await page.getByLabel("Select this page").check();
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
      page.getByRole("button", { name: "Submit to TOP…" }).click(),
    ]);
    // …and send the very same request with an operator's session.
    const operator = await playwright.request.newContext({ baseURL, storageState: "e2e/.auth/operator.json" });
    const res = await operator.post(request.url(), {
      headers: {
        "next-action": request.headers()["next-action"]!,
        "content-type": request.headers()["content-type"]!,
        origin: baseURL!,
        accept: "text/x-component",
      },
      data: request.postData()!,
    });
    const body = await res.text();
    expect(body).toContain('"code":"forbidden"');
    expect(body).not.toContain('"sendable"');
    await operator.dispose();
  });
});

test.describe("signing out", () => {
  test("ends the session", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("admin@demo.local");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toContainText("(admin)");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/calls");
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  });
});

test.describe("supervisor", () => {
  test("reveals one record's number with a reason, and the reveal is on the audit trail", async ({ page, browser }) => {
    const { id, phone } = await queryOne<{ id: string; phone: string }>(
      "SELECT call_record_id::text AS id, called_phone_number AS phone FROM call_records WHERE source = 'seed' AND called_phone_number IS NOT NULL LIMIT 1",
    );
    await page.goto(`/calls/${id}`);
    await expect(page.getByText(phone)).toHaveCount(0);
    await page.getByRole("button", { name: "Reveal number and name…" }).click();
    await page.getByLabel("Why do you need the full number?").fill("debtor called back about case");
    await page.getByRole("button", { name: "Reveal", exact: true }).click();
    await expect(page.getByTestId("revealed")).toContainText(phone);

    const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
    const adminPage = await admin.newPage();
    await adminPage.goto("/audit?action=pii.reveal");
    await expect(adminPage.getByTestId("audit-row").first()).toContainText(`call:${id}`);
    await expect(adminPage.getByTestId("audit-row").first()).toContainText("debtor called back about case");
    await admin.close();
  });
});

test.describe("admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("creates an account that can then sign in with its role", async ({ page, browser }) => {
    test.slow(); // an axe pass and two sign-ins (argon2id) exceed 30 s on a busy machine
    const email = `new-operator-${Date.now()}@test.local`;
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "Create a user" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("New operator");
    await form.getByLabel("Role").selectOption("operator");
    await form.getByLabel("Initial password").fill("a long initial password");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByTestId("user-row").filter({ hasText: email })).toContainText("active");
    expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

    const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await fresh.newPage();
    await other.goto("/sign-in");
    await other.getByLabel("Email").fill(email);
    await other.getByLabel("Password").fill("a long initial password");
    await other.getByRole("button", { name: "Sign in" }).click();
    // An account an admin created chooses its own password first.
    await expect(other).toHaveURL(/\/sign-in\/new-password/);
    await other.getByLabel("New password", { exact: true }).fill("my own operator passphrase");
    await other.getByLabel("New password again").fill("my own operator passphrase");
    await other.getByRole("button", { name: "Change password" }).click();
    await expect(other.getByTestId("current-user")).toContainText("(operator)");
    expect((await other.goto("/admin/users"))?.status()).toBe(403);
    await expect(other.getByRole("heading", { level: 1 })).toBeVisible();
    await fresh.close();
  });

  test("the audit page has no accessibility violations", async ({ page }) => {
    await page.goto("/audit");
    await expect(page.getByTestId("audit-row").first()).toBeVisible();
    expect(
      await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => `${v.id} (${v.nodes.length})`)),
    ).toEqual([]);
  });
});
