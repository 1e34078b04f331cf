import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/demo";
import { useLanguage } from "./support/locale";

// Signs in once per role the specs use and keeps the cookies for them, with
// English chosen as the language (the specs read English text).

for (const role of ["supervisor", "reviewer", "operator", "admin"] as const) {
  setup(`sign in as ${role}`, async ({ page, baseURL }) => {
    await useLanguage(page.context(), baseURL!, "en");
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(`${role}@demo.local`);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toContainText(`(${role})`);
    await page.context().storageState({ path: `e2e/.auth/${role}.json` });
  });
}
