import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { queryOne } from "./support/database";

test.describe("console shell", () => {
  test("health answers with the database up", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: { ok: true } });
  });

  test("home shows the demo's real counts and flags the local TOP emulator", async ({ page }) => {
    const demo = await queryOne<{ n: number; jobs: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT robot_call_job_id)::int AS jobs FROM call_records WHERE source = 'seed'",
    );
    expect(demo).toEqual({ n: 20_000, jobs: 20 }); // the demo seeded on first start
    const all = await queryOne<{ n: number; jobs: number; unsent: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT robot_call_job_id)::int AS jobs, count(*) FILTER (WHERE submission_state = 'not_submitted')::int AS unsent FROM call_records",
    );
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await expect(page.getByTestId("count-records")).toHaveText(all.n.toLocaleString("en"));
    await expect(page.getByTestId("count-jobs")).toHaveText(String(all.jobs));
    await expect(page.getByTestId("submission-not_submitted")).toHaveText(all.unsent.toLocaleString("en"));
    await expect(page.getByTestId("gateway-badge")).toContainText("Local TOP emulator");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const item of ["Calls", "Jobs", "Submissions", "Review"]) {
      await expect(nav.getByRole("link", { name: item })).toBeVisible();
    }
  });

  test("home has no accessibility violations", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("count-records")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
