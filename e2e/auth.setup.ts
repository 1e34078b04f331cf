import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/demo";

// Signs in once per role the specs use and keeps the cookies for them.

for (const role of ["supervisor", "operator", "admin"] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(`${role}@demo.local`);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toContainText(`(${role})`);
    await page.context().storageState({ path: `e2e/.auth/${role}.json` });
  });
}
