import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { useLanguage } from "./support/locale";

/**
 * Account self-service as people do it: an admin creates an account, its
 * owner chooses a password at first sign-in, changes it on /account, turns on
 * two-factor sign-in with the QR code's key (the codes are computed here with
 * the library the console verifies with), signs in with a code, and with a
 * recovery code, which works only once.
 */

const email = `e2e-account-${Date.now()}@test.local`;
const passwords = { initial: "initial e2e pass 1", own: "my own e2e pass 2", changed: "changed e2e pass 3" };

async function signIn(page: Page, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

test.describe.configure({ mode: "serial" });
// Whole flows of several sign-ins each, on a machine that may be busy.
test.setTimeout(180_000);

test("an admin creates an account; its owner must choose a password first", async ({ browser, baseURL }) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/users");
  const form = adminPage.getByRole("form", { name: "Create a user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Account Tester");
  await form.getByLabel("Initial password").fill(passwords.initial);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(adminPage.getByTestId("user-row").filter({ hasText: email })).toContainText("must choose a password");
  await admin.close();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await useLanguage(context, baseURL!, "en");
  const page = await context.newPage();
  await signIn(page, passwords.initial);
  await expect(page).toHaveURL(/\/sign-in\/new-password/);
  // Nothing else is reachable before the password is chosen.
  await page.goto("/calls");
  await expect(page).toHaveURL(/\/sign-in\/new-password\?next=%2Fcalls/);
  await page.getByLabel("New password", { exact: true }).fill("password123");
  await page.getByLabel("New password again").fill("password123");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("well-known password");
  await page.getByLabel("New password", { exact: true }).fill(passwords.own);
  await page.getByLabel("New password again").fill(passwords.own);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/calls$/);
  await expect(page.getByTestId("current-user")).toContainText("Account Tester");
  await context.close();
});

test.describe("signed in as the new account", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("changes the password, enrols TOTP, signs in with a code and with a recovery code once", async ({
    page,
    baseURL,
  }) => {
    await useLanguage(page.context(), baseURL!, "en");
    await signIn(page, passwords.own);
    await expect(page.getByTestId("current-user")).toContainText("Account Tester");
    await page.getByTestId("current-user").click();
    await expect(page).toHaveURL(/\/account$/);
    expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

    // Change the password.
    const pw = page.getByRole("form", { name: "Change my password" });
    await pw.getByLabel("Current password").fill("not my password");
    await pw.getByLabel("New password", { exact: true }).fill(passwords.changed);
    await pw.getByLabel("New password again").fill(passwords.changed);
    await pw.getByRole("button", { name: "Change password" }).click();
    await expect(pw.getByRole("alert")).toContainText("not the right password");
    await pw.getByLabel("Current password").fill(passwords.own);
    await pw.getByRole("button", { name: "Change password" }).click();
    await expect(pw.getByRole("status")).toContainText("Password changed");

    // Enrol TOTP with the key shown beside the QR code.
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    await expect(page.getByRole("img", { name: "QR code of the two-factor key" })).toBeVisible();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await page.getByLabel("The 6-digit code your app shows").fill(await generate({ secret }));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
    const codes = (await page.getByTestId("recovery-codes").locator("li").allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await page.getByRole("button", { name: "I have saved them" }).click();
    await expect(page.getByTestId("two-factor-status")).toContainText("10 recovery codes left");
    await signOut(page);

    // The password alone no longer signs in: the code is asked for next. (The
    // next time step's code: the one that confirmed enrolment is used up.)
    await signIn(page, passwords.changed);
    await expect(page).toHaveURL(/\/sign-in\/verify/);
    await page.getByLabel("Code or recovery code").fill("000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("wrong or has been used");
    await page
      .getByLabel("Code or recovery code")
      .fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("current-user")).toContainText("Account Tester");
    await signOut(page);

    // A recovery code works once.
    await signIn(page, passwords.changed);
    await page.getByLabel("Code or recovery code").fill(codes[0]!);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("current-user")).toContainText("Account Tester");
    await page.goto("/account");
    await expect(page.getByTestId("two-factor-status")).toContainText("9 recovery codes left");
    await signOut(page);
    await signIn(page, passwords.changed);
    await page.getByLabel("Code or recovery code").fill(codes[0]!);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("wrong or has been used");
  });
});

test("an admin resets a password: the one-time link sets a new one", async ({ browser, baseURL }) => {
  const admin = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/users");
  const row = adminPage.getByTestId("user-row").filter({ hasText: email });
  adminPage.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "Reset password" }).click();
  const link = await row.getByTestId("reset-link").inputValue();
  expect(link).toMatch(/\/set-password\?token=/);
  await admin.close();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await useLanguage(context, baseURL!, "en");
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("after reset pass 4");
  await page.getByLabel("New password again").fill("after reset pass 4");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?password=set$/);
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("expired or has already been used");
  await context.close();
});
