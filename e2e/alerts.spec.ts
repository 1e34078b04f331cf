import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createHmac } from "node:crypto";
import http from "node:http";
import { queryOne } from "./support/database";
import { seedAs } from "./support/seed";

/**
 * An admin adds a webhook channel pointing at a receiver started here (on the
 * port playwright.config.ts lists in ALERT_PRIVATE_HOSTS), sends a test, sees
 * it delivered in the log, and the receiver checks its signature with the
 * secret the page showed once.
 */

const RECEIVER_PORT = Number(process.env.E2E_PORT || 3210) + 5;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let server: http.Server;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(RECEIVER_PORT, "127.0.0.1", r));
});

test.afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const axe = (page: import("@playwright/test").Page) =>
  new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id));

test.describe("alert channels", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("create a webhook channel, send a test, see it delivered and verified, delete the channel", async ({ page }) => {
    // Two pages, two axe runs and a real delivery: more than the default 30 s on a loaded machine.
    test.setTimeout(60_000);
    // A channel already failing (the admin's action, then a delivery as the worker leaves one after its last
    // retry): the list shows its last delivery's error.
    const seeded = `e2e seeded ${Date.now()}`;
    const { id: seededId } = await seedAs<{ id: string }>("admin@demo.local", "alerts.create", {
      name: seeded,
      type: "wecom",
      url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2ekey",
      events: ["batch.failures"],
    });
    await queryOne(
      `INSERT INTO alert_deliveries (channel_id, kind, message_id, payload, state, attempts, last_status, last_error)
       VALUES ($1, 'batch.failures', 'msg_e2eseeded', '{"title":"Batch #1"}', 'failed', 8, 500, 'the receiver answered HTTP 500')`,
      [seededId],
    );

    await page.goto("/admin/alerts");
    await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
    const seededRow = page.getByTestId("channel-row").filter({ hasText: seeded });
    await expect(seededRow).toContainText("failed");
    await expect(seededRow).toContainText("the receiver answered HTTP 500");
    await expect(seededRow).not.toContainText("e2ekey"); // the robot's key is masked

    const name = `e2e webhook ${Date.now()}`;
    const form = page.getByRole("form", { name: "New channel" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Type").selectOption("webhook");
    await form.getByLabel("URL").fill(`http://127.0.0.1:${RECEIVER_PORT}/hook`);
    await form.getByLabel("Ingest rejections above the threshold").uncheck();
    expect(await axe(page)).toEqual([]);
    await form.getByRole("button", { name: "Create channel" }).click();

    const secret = (await page.getByTestId("generated-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("link", { name: "Open the channel" }).click();
    await expect(page).toHaveURL(/\/admin\/alerts\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByTestId("secret-state")).toContainText("A secret is set.");
    expect(await page.content()).not.toContain(secret.slice("whsec_".length));
    await expect(page.getByLabel("Ingest rejections above the threshold")).not.toBeChecked();
    await expect(page.getByText("Nothing delivered to this channel yet.")).toBeVisible();

    await page.getByRole("button", { name: "Send test" }).click();
    const dialog = page.getByRole("dialog", { name: "Send a test alert?" });
    await expect(dialog).toContainText(name);
    await dialog.getByRole("button", { name: "Send test" }).click();
    await expect(page.getByTestId("test-outcome")).toHaveText("The test was delivered.");
    const row = page.getByTestId("delivery-row").first();
    await expect(row).toContainText("Test");
    await expect(row.getByTestId("delivery-state")).toHaveText("delivered");
    await expect(row).toContainText("200");
    expect(await axe(page)).toEqual([]);

    // The receiver got it once, signed as Standard Webhooks says.
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key)
      .update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`)
      .digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(JSON.parse(body)).toMatchObject({ type: "test" });

    await page.getByRole("button", { name: "Delete channel" }).click();
    const del = page.getByRole("dialog", { name: "Delete this channel?" });
    await del.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/admin\/alerts$/);
    await expect(page.getByRole("link", { name })).toHaveCount(0);
    await seedAs("admin@demo.local", "alerts.delete", { channelId: seededId });
  });

  test("a supervisor is refused the page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: "e2e/.auth/supervisor.json" });
    const res = await (await context.newPage()).goto("/admin/alerts");
    expect(res?.status()).toBe(403);
    await context.close();
  });
});
