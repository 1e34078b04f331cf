import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { LOCALE_COOKIE } from "./support/locale";

// zh: 2026/03/01 08:00:00 — en: Mar 1, 2026, 08:00:00 (components/ui/format.ts).
const ZH_DATE_TIME = /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/;
const EN_DATE_TIME = /[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2}/;

async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function withoutLanguageCookie(page: Page) {
  await page.context().clearCookies({ name: LOCALE_COOKIE });
}

test.describe("language", () => {
  test.setTimeout(240_000); // axe on three full pages, and two languages

  test.describe("a Chinese browser", () => {
    test.use({ locale: "zh-CN" });

    test("sees Chinese by default, switches to English from the header, and keeps it after a reload", async ({
      page,
    }) => {
      await withoutLanguageCookie(page);
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByRole("heading", { level: 1, name: "总览" })).toBeVisible();
      await expect(
        page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "通话记录" }),
      ).toBeVisible();
      await expect(page.getByRole("group", { name: "语言" }).getByRole("button", { name: "中文" })).toHaveAttribute(
        "aria-pressed",
        "true",
      );
      await expect(page.getByTestId("last-received")).toHaveText(ZH_DATE_TIME);
      await noAxeViolations(page);

      await page.goto("/calls");
      await expect(page.getByRole("heading", { level: 1, name: /通话记录/ })).toBeVisible();
      await expect(page.getByRole("region", { name: "筛选" })).toBeVisible();
      await expect(page.getByTestId("call-row").first().getByRole("link").first()).toHaveText(ZH_DATE_TIME);
      await noAxeViolations(page);

      // Keyboard: focus the English button and press Enter; the page stays where it is.
      await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).focus();
      await page.keyboard.press("Enter");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page).toHaveURL(/\/calls$/);
      await expect(page.getByRole("heading", { level: 1, name: /Calls/ })).toBeVisible();
      await expect(
        page.getByRole("group", { name: "Language" }).getByRole("button", { name: "English" }),
      ).toHaveAttribute("aria-pressed", "true");
      await expect(page.getByTestId("call-row").first().getByRole("link").first()).toHaveText(EN_DATE_TIME);
      expect((await page.context().cookies()).find((c) => c.name === LOCALE_COOKIE)).toMatchObject({
        value: "en",
        httpOnly: true,
        sameSite: "Lax",
      });

      await page.reload();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calls" })).toBeVisible();

      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
      await expect(page.getByTestId("last-received")).toHaveText(EN_DATE_TIME);
      await noAxeViolations(page);

      await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "中文" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByRole("heading", { level: 1, name: "总览" })).toBeVisible();
    });
  });

  test.describe("a browser asking for neither language", () => {
    test.use({ locale: "fr-FR" });

    test("gets Chinese", async ({ page }) => {
      await withoutLanguageCookie(page);
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    });
  });

  test("the language cookie accepts only zh and en", async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: "fr", url: baseURL! }]);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en"); // unknown value: the browser's en-US decides
  });
});
