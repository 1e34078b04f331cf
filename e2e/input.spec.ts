import { expect, test } from "@playwright/test";
import { queryOne } from "./support/database";
import { seedAs } from "./support/seed";
import { isAboutOneThing, pageDirs, urlPattern } from "../dev/testing/app-pages";

// Bad input gets a clear answer with a real HTTP status, against the built server.

test.setTimeout(120_000);

test.describe("statuses of pages", () => {
  test("a missing record, job or batch answers 404 with the not-found page", async ({ request }) => {
    for (const path of [
      "/calls/123",
      "/calls/abc",
      "/calls/9999999999999999999",
      "/jobs/424242",
      "/jobs/x",
      "/submissions/99999",
      "/submissions/%00",
    ]) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(404);
    }
    const { id } = await queryOne<{ id: string }>(
      "SELECT call_record_id::text AS id FROM call_records ORDER BY id LIMIT 1",
    );
    expect((await request.get(`/calls/${id}`, { maxRedirects: 0 })).status()).toBe(200);
  });

  test.describe("as an admin, who may see every page", () => {
    test.use({ storageState: "e2e/.auth/admin.json" });

    test("every page about one thing answers 404 for an id that is malformed or names nothing", async ({ request }) => {
      const pages = pageDirs().filter(isAboutOneThing).map(urlPattern);
      expect(pages).toContain("/review/calibration/[id]");
      for (const pattern of pages)
        for (const id of ["abc", "99999999999999999999", "424242424242"]) {
          const path = pattern.replace(/\[\w+\]/, id);
          expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
        }
    });
  });

  test.describe("as an operator", () => {
    test.use({ storageState: "e2e/.auth/operator.json" });

    test("a page for reviewers answers 403, however it streams", async ({ request }) => {
      for (const path of ["/review/calibration", "/review/calibration/1", "/quality"])
        expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
    });
  });

  test("a page a role may not see answers 403", async ({ request }) => {
    for (const path of ["/audit", "/admin/users"])
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  });

  test.describe("signed out", () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    test("a page request is redirected to sign-in with a redirect status, before anything renders", async ({
      request,
    }) => {
      const res = await request.get("/calls?status=ANSWERED", { maxRedirects: 0 });
      expect(res.status()).toBe(307);
      expect(res.headers().location).toMatch(/\/sign-in\?next=%2Fcalls%3Fstatus%3DANSWERED$/);
      expect((await request.get("/sign-in", { maxRedirects: 0 })).status()).toBe(200);
    });

    test("a stale or broken session cookie is no session: a redirect or a 401, never a 500", async ({ request }) => {
      for (const value of ["%", "%E0%A4%A", "not-a-session"]) {
        const headers = { cookie: `lvr_session=${value}` };
        const page = await request.get("/calls", { headers, maxRedirects: 0 });
        expect(page.status(), value).toBe(307);
        expect(page.headers().location).toContain("/sign-in?next=%2Fcalls");
        for (const path of ["/api/submissions", "/api/audio/1", "/api/calls/export", "/api/submissions/1"]) {
          expect((await request.get(path, { headers, maxRedirects: 0 })).status(), `${path} ${value}`).toBe(401);
        }
      }
    });
  });
});

test.describe("invalid parameters", () => {
  test("pages report them and still render", async ({ page }) => {
    for (const [path, param] of [
      ["/calls?from=2026-13-45&status=ANSWERED&size=25", "from"],
      ["/calls?from=2026-02-30", "from"],
      ["/calls?minDuration=99999999999", "minDuration"],
      ["/calls?intent=9999999999999999999:1", "intent"],
      ["/calls?q=%00", "q"],
      ["/calls?from=2026-03-02&to=2026-03-01", "to"],
      ["/review?from=2026-13-45", "from"],
    ] as const) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      const notice = page.getByRole("alert").filter({ hasText: "were ignored" });
      await expect(notice, path).toContainText(param);
      // Valid parameters beside the invalid one are not listed.
      expect(await notice.textContent(), path).not.toMatch(/size|status/);
    }
  });

  test("a cursor a user edited shows the first page and says so", async ({ page }) => {
    for (const raw of [
      ["2026-03-01T00:00:00.000Z", "99999999999999999999999"],
      [1e308, "1"],
      ["-271821-04-20T00:00:00.000Z", "1"],
    ]) {
      const cursor = Buffer.from(JSON.stringify(raw)).toString("base64url");
      expect((await page.goto(`/calls?cursor=${cursor}`))?.status()).toBe(200);
      await expect(page.getByRole("alert").filter({ hasText: "were ignored" })).toContainText(
        "the page position could not be read",
      );
    }
  });

  test("an unknown status stays visible as a checked option that can be removed", async ({ page }) => {
    await page.goto("/calls?status=zzz");
    const option = page.getByRole("checkbox", { name: "zzz" });
    await expect(option).toBeChecked();
    await option.click();
    await expect(page).not.toHaveURL(/status=zzz/);
  });

  test("routes answer 400 naming the parameter, before any 200", async ({ request }) => {
    for (const [path, param] of [
      ["/api/calls/export?from=2026-13-45", "from"],
      ["/api/calls/export?cursor=%00&minDuration=99999999999", "minDuration"],
      ["/api/submissions/9999999999999999999", "id"],
      ["/api/audio/9999999999999999999", "id"],
    ] as const) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; details: { param: string }[] } };
      expect(
        body.error.details.map((d) => d.param),
        path,
      ).toContain(param);
    }
  });
});

const ITEM = { key: "named", label: "Names the firm", kind: "passfail", weight: 10, critical: false };

test.describe("as an admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("the audit trail reports invalid filters, and its export refuses them with a 400", async ({ page, request }) => {
    for (const [path, param] of [
      ["/audit?from=2026-99-99", "from"],
      ["/audit?before=9999999999999999999", "before"],
    ] as const) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page.getByTestId("ignored-params")).toContainText(param);
      const res = await request.get(path.replace("/audit", "/api/audit/export"));
      expect(res.status(), path).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(param);
    }
  });

  test("a link naming something that does not exist says so above what the page shows instead", async ({ page }) => {
    const { id } = await seedAs<{ id: string }>("admin@demo.local", "scorecards.create", {
      name: `E2E input card ${Date.now()}`,
      jobIds: [],
      isDefault: false,
      sections: [{ key: "opening", title: "Opening", items: [ITEM] }],
    });
    for (const [path, text] of [
      ["/admin/scorecards?edit=424242424242", "“424242424242” names nothing that exists"],
      ["/admin/scorecards?edit=abc", "“abc” must be an id"],
      ["/admin/phrase-rules?edit=424242424242", "“424242424242” names nothing that exists"],
      [`/admin/scorecards/${id}?v=7`, "“7” names nothing that exists"],
    ] as const) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page.getByRole("alert").filter({ hasText: "ignored" }), path).toContainText(text);
    }
    await page.goto(`/admin/scorecards/${id}?v=1`);
    await expect(page.getByRole("alert").filter({ hasText: "ignored" })).toHaveCount(0);
  });
});
