import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The e2e product runs with these (playwright.config.ts and the TOP demo defaults).
const SECRETS = ["e2e-ingest-token-0123456789abcdef", "lvr-demo-secret-change-me"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test("the TOP secret and the ingest token never reach the browser bundles", () => {
  const bundles = files(".next/static").filter((f) => /\.(js|css|json)$/.test(f));
  expect(bundles.length).toBeGreaterThan(5);
  for (const file of bundles) {
    const text = readFileSync(file, "utf8");
    for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
  }
});

test("pages carry the security headers and the session cookie is HttpOnly and SameSite=Lax", async ({
  page,
  context,
}) => {
  const res = await page.goto("/calls");
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  const html = await page.content();
  for (const secret of SECRETS) expect(html).not.toContain(secret);
  const cookie = (await context.cookies()).find((c) => c.name === "lvr_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("the server's logs hold no phone numbers, tokens or the TOP secret", async ({ request }) => {
  // Something worth logging first: an ingest with personal data in it.
  const res = await request.post("/api/v1/call-records", {
    headers: { Authorization: "Bearer e2e-ingest-token-0123456789abcdef", "Content-Type": "application/json" },
    data: JSON.stringify({
      call_record_id: "8200000000000000001",
      robot_call_job_id: "91",
      called_phone_number: "13912345678",
      name: "王五",
    }),
  });
  expect(res.status()).toBe(200);
  await expect.poll(() => readFileSync(".data-e2e/server.log", "utf8")).toContain("ingest: call records received");
  const logs = readFileSync(".data-e2e/server.log", "utf8");
  expect(logs).not.toContain("13912345678");
  expect(logs).not.toMatch(/\b1[3-9]\d{9}\b/); // no mobile number at all
  expect(logs).not.toContain("王五");
  for (const secret of SECRETS) expect(logs).not.toContain(secret);
  expect(logs).not.toMatch(/lvr_session=/);
});
