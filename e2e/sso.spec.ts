import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { useLanguage } from "./support/locale";

/**
 * Single sign-on in the browser, against the real OIDC provider that the run
 * starts beside the console (dev/testing/oidc-server.ts): the button on the
 * sign-in page, the provider's own login and consent pages, back to the page
 * asked for with the mapped role; a person in no mapped group is refused with
 * a notice that says why.
 */

test.use({ storageState: { cookies: [], origins: [] } });

async function signInAtProvider(page: Page, login: string) {
  await page.getByRole("link", { name: "Sign in with Test IdP" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a supervisor signs in through the provider and lands on the page asked for", async ({ page, baseURL }) => {
  // Two sites and five page loads: more than one page check.
  test.setTimeout(90_000);
  await useLanguage(page.context(), baseURL!, "en");
  await page.goto("/submissions");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsubmissions/);
  await expect(page.getByRole("link", { name: "Sign in with Test IdP" })).toBeVisible();
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

  await signInAtProvider(page, "sso-supervisor");
  await expect(page).toHaveURL(/\/submissions$/);
  await expect(page.getByTestId("current-user")).toContainText("Sso Supervisor");
  await expect(page.getByTestId("current-user")).toContainText("(supervisor)");
});

test("a person in no mapped group is refused, and told why", async ({ page, baseURL }) => {
  await useLanguage(page.context(), baseURL!, "en");
  await page.goto("/sign-in");
  await signInAtProvider(page, "sso-outsider");
  await expect(page).toHaveURL(/\/sign-in\?.*sso=no_role/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("in no group that gives access");
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});
