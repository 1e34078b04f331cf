import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { queryOne } from "./support/database";

// One record with a number and a name of its own, submitted to the product's TOP
// emulator; then every page and route of app/ fetched as an operator.
const PHONE = "13912345678";
const NAME = "王小明";
const JOB = "7300000000000000023";
const ID = "8300000000000000023";
const TOKEN = "e2e-ingest-token-0123456789abcdef";

/** Every page and route handler under app/, as URL templates (`/calls/[id]`). */
function appRoutes(dir = "app", prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return appRoutes(p, /^\(.*\)$/.test(name) ? prefix : `${prefix}/${name}`);
    return name === "page.tsx" || name === "route.ts" ? [prefix || "/"] : [];
  });
}

/** Forms of a text as it may sit in HTML, JSON or an RSC payload. */
function forms(text: string): string[] {
  const escaped = [...text]
    .map((c) => (c.charCodeAt(0) > 0x7f ? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}` : c))
    .join("");
  return [...new Set([text, escaped, encodeURIComponent(text)])];
}

async function submitAsSupervisor(browser: Browser): Promise<string> {
  const context = await browser.newContext({ storageState: "e2e/.auth/supervisor.json" });
  const page = await context.newPage();
  await page.goto(`/calls?job=${JOB}&size=25`);
  await page.getByLabel("Select this page").check();
  await page.getByRole("button", { name: "Submit to TOP…" }).click();
  await page
    .getByRole("dialog", { name: "Submit to TOP" })
    .getByRole("button", { name: /^Send 1 record/ })
    .click();
  await expect(page).toHaveURL(/\/submissions\/\d+$/, { timeout: 60_000 });
  await expect(page.getByTestId("batch-status")).toHaveText("done", { timeout: 60_000 });
  const batchId = page.url().split("/").pop()!;
  await context.close();
  return batchId;
}

async function fetchAll(request: APIRequestContext, urls: string[]) {
  const answers: { url: string; status: number; body: string }[] = [];
  for (const url of urls) {
    const res = await request.get(url, { maxRedirects: 0 });
    answers.push({ url, status: res.status(), body: await res.text() });
  }
  return answers;
}

test.describe("personal data as an operator sees it", () => {
  test.use({ storageState: "e2e/.auth/operator.json" });

  test("no page or route shows the full number or name of a submitted record", async ({ browser, page, request }) => {
    // A submission and some thirty pages, each rendered on the server.
    test.setTimeout(300_000);
    const ingest = await request.post("/api/v1/call-records", {
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      data: JSON.stringify({
        call_record_id: ID,
        robot_call_job_id: JOB,
        result_status: "ANSWERED",
        start_time: "2026-03-01 09:00:00",
        end_time: "2026-03-01 09:01:00",
        chat_duration: 61,
        called_phone_number: PHONE,
        name: NAME,
        properties: JSON.stringify({ note: `call ${NAME} on ${PHONE}` }),
      }),
    });
    expect(ingest.status()).toBe(200);
    const batchId = await submitAsSupervisor(browser);
    const { n } = await queryOne<{ n: number }>(
      "SELECT count(*)::int AS n FROM submission_attempts a JOIN call_records r ON r.id = a.record_id WHERE r.call_record_id = $1",
      [ID],
    );
    expect(n).toBe(1);

    // Every dynamic segment gets this record's, job's or batch's id, whichever the route names.
    const valueFor = (route: string, param: string): string | undefined => {
      if (param === "call_record_id") return ID;
      if (param === "robot_call_job_id" || param === "jobId") return JOB;
      if (param === "id") return route.includes("submissions") ? batchId : ID;
      return undefined;
    };
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(15);
    const urls = routes.flatMap((r) => {
      const url = r.replace(/\[([^\]]+)\]/g, (m, param: string) => valueFor(r, param) ?? m);
      expect(url, `a value for ${r}`).not.toMatch(/\[/);
      if (url === "/calls" || url === "/review" || url === "/api/calls/export")
        return [`${url}?job=${JOB}`, `${url}?q=${ID}`, `${url}?job=${JOB}&unmasked=true`];
      if (url === "/api/audit/export" || url === "/audit") return [url, `${url}?action=pii.reveal`];
      return [url];
    });
    const answers = await fetchAll(page.request, urls);
    for (const a of answers) {
      expect(a.status, a.url).toBeLessThan(500);
      for (const secret of [...forms(PHONE), ...forms(NAME)])
        expect(a.body.includes(secret), `${secret} in ${a.url} (${a.status})`).toBe(false);
    }
    // The record's own page did show it, masked, with the attempt.
    const detail = answers.find((a) => a.url === `/calls/${ID}`)!;
    expect(detail.status).toBe(200);
    expect(detail.body).toContain("139****5678");
    expect(detail.body).toContain('data-testid="attempt"');
    // The unmasked export is a supervisor's.
    expect(answers.find((a) => a.url.startsWith("/api/calls/export") && a.url.endsWith("unmasked=true"))!.status).toBe(
      403,
    );
  });
});

test.describe("redirects and origins", () => {
  test("after sign-in, `next` only leads to the console's own pages", async ({ request }) => {
    for (const next of [
      "/%5Cexample.org",
      "/%5C%5Cexample.org",
      "/%09/example.org",
      "//example.org",
      "/.//example.org",
    ]) {
      const res = await request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
      expect(res.status(), next).toBe(307);
      const location = res.headers()["location"]!;
      expect(new URL(location, "http://console.test").origin, `${next} → ${location}`).toBe("http://console.test");
    }
    const ok = await request.get("/sign-in?next=%2Fcalls%3Fsize%3D25", { maxRedirects: 0 });
    expect(ok.headers()["location"]).toBe("/calls?size=25");
  });

  test("a server action from another origin, or with a malformed one, is refused with 403", async ({ request }) => {
    for (const origin of ["https://evil.example", "http://[", "null"]) {
      const res = await request.post("/calls", {
        headers: { origin, "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
        data: "[]",
        maxRedirects: 0,
      });
      expect(res.status(), origin).toBe(403);
    }
  });
});
