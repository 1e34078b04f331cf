import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { attemptDelivery, type DispatcherConfig } from "./dispatcher";
import type { ChannelType } from "./kinds";
import { claimDeliveries } from "./queue";
import { enqueueAlert, raiseAlert } from "./raise";
import { newWebhookSecret, standardWebhookHeaders } from "./sign";

/**
 * Deliveries to a real receiver on a loopback port: signatures checked by
 * implementations written here from each receiver's documentation (not the
 * product's code), retries of a failing receiver, and secrets kept out of
 * every log line and stored answer.
 */

const PORT = 5401;
const HOST = `127.0.0.1:${PORT}`;
const received: { path: string; url: URL; headers: http.IncomingHttpHeaders; body: string }[] = [];
let flakyFailuresLeft = 0;
let server: http.Server;

const DINGTALK_SECRET = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const FEISHU_SECRET = "feishu-secret-1234567890";

/** Standard Webhooks verification, from the specification (https://www.standardwebhooks.com/). */
function verifyStandardWebhook(secret: string, headers: http.IncomingHttpHeaders, body: string): boolean {
  const id = String(headers["webhook-id"]);
  const ts = String(headers["webhook-timestamp"]);
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
  const key = Buffer.from(secret.split("_")[1]!, "base64");
  const expected = createHmac("sha256", key).update(`${id}.${ts}.${body}`).digest();
  return String(headers["webhook-signature"])
    .split(" ")
    .some((entry) => {
      const [version, sig] = entry.split(",");
      const given = Buffer.from(sig ?? "", "base64");
      return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

/** DingTalk's documented check: sign = base64(HmacSHA256(secret, timestamp + "\n" + secret)), within an hour. */
function verifyDingtalk(url: URL): boolean {
  const timestamp = url.searchParams.get("timestamp") ?? "";
  if (Math.abs(Date.now() - Number(timestamp)) > 3_600_000) return false;
  const mac = createHmac("sha256", DINGTALK_SECRET);
  mac.update(timestamp + "\n" + DINGTALK_SECRET);
  return url.searchParams.get("sign") === mac.digest("base64");
}

/** Feishu's documented check: HmacSHA256 keyed with timestamp + "\n" + secret over an empty message. */
function verifyFeishu(body: { timestamp?: string; sign?: string }): boolean {
  const mac = createHmac("sha256", Buffer.from(`${body.timestamp}\n${FEISHU_SECRET}`, "utf8"));
  return body.sign === mac.update(Buffer.alloc(0)).digest("base64");
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", `http://${HOST}`);
      received.push({ path: url.pathname, url, headers: req.headers, body });
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      if (url.pathname === "/flaky" && flakyFailuresLeft-- > 0) return json(500, { error: "busy" });
      if (url.pathname === "/gone") return json(410, { error: "gone" });
      if (url.pathname === "/dingtalk")
        return json(
          200,
          verifyDingtalk(url) ? { errcode: 0, errmsg: "ok" } : { errcode: 310000, errmsg: "sign not match" },
        );
      if (url.pathname === "/feishu")
        return json(
          200,
          verifyFeishu(JSON.parse(body)) ? { code: 0, msg: "success" } : { code: 19021, msg: "sign match fail" },
        );
      json(200, { ok: true });
    });
  });
  await new Promise<void>((r) => server.listen(PORT, "127.0.0.1", r));
});

afterAll(async () => {
  await prisma.alertChannel.deleteMany({ where: { name: { startsWith: "test-74-" } } });
  await new Promise((r) => server.close(r));
});

const config: DispatcherConfig = {
  concurrency: 1,
  maxAttempts: 3,
  leaseMs: 60_000,
  backoffBaseMs: 400,
  backoffMaxMs: 2_000,
  publicUrl: "https://console.example",
  send: { timeoutMs: 5_000, privateHosts: [HOST] },
};

let seq = 0;
async function channel(type: ChannelType, path: string, secret: string | null, events = ["batch.failures"]) {
  return prisma.alertChannel.create({
    data: {
      name: `test-74-${process.pid}-${++seq}`,
      type,
      url: `http://${HOST}${path}`,
      secret,
      events,
      createdBy: "test",
    },
  });
}

/** Delivers the channel's queued deliveries once each (only this test's rows: other files share the database). */
async function deliverDue(channelId: bigint, cfg = config) {
  const ids = (await prisma.alertDelivery.findMany({ where: { channelId }, select: { id: true } })).map((d) => d.id);
  const claimed = await claimDeliveries(10, cfg.leaseMs, ids);
  return Promise.all(claimed.map((d) => attemptDelivery(d, cfg)));
}

describe("raiseAlert", () => {
  it("queues one delivery per enabled channel that chose the kind, and none elsewhere", async () => {
    const chosen = await channel("webhook", "/ok", null, ["batch.paused", "batch.failures"]);
    const other = await channel("webhook", "/ok", null, ["archive.failures"]);
    const off = await channel("webhook", "/ok", null, ["batch.paused"]);
    await prisma.alertChannel.update({ where: { id: off.id }, data: { enabled: false } });
    await raiseAlert("batch.paused", { title: "Batch #7400 is paused", text: "TOP refused the app key" });
    const count = (channelId: bigint) =>
      prisma.alertDelivery.count({
        where: { channelId, payload: { path: ["title"], equals: "Batch #7400 is paused" } },
      });
    expect(await count(chosen.id)).toBe(1);
    expect(await count(other.id)).toBe(0);
    expect(await count(off.id)).toBe(0);
  });
});

describe("the generic webhook", () => {
  it("matches the Standard Webhooks specification's own test vector", () => {
    const headers = standardWebhookHeaders(
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      1614265330,
      '{"test": 2432232314}',
    );
    expect(headers["webhook-signature"]).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("is signed so that the receiver's own verification passes, and a changed body fails it", async () => {
    const secret = newWebhookSecret();
    const c = await channel("webhook", "/ok", secret);
    await enqueueAlert("batch.failures", {
      title: "Batch #7401 finished with failures",
      text: "2 rejected",
      link: "/submissions/7401",
      facts: { rejected: 2 },
    });
    expect(await deliverDue(c.id)).toEqual(["delivered"]);
    const got = received.filter((r) => r.body.includes("#7401"));
    expect(got).toHaveLength(1);
    const { headers, body } = got[0]!;
    expect(verifyStandardWebhook(secret, headers, body)).toBe(true);
    expect(verifyStandardWebhook(secret, headers, body.replace("2 rejected", "0 rejected"))).toBe(false);
    expect(verifyStandardWebhook(newWebhookSecret(), headers, body)).toBe(false);
    const parsed = JSON.parse(body) as { type: string; data: { link: string; facts: Record<string, number> } };
    expect(parsed.type).toBe("batch.failures");
    expect(parsed.data.link).toBe("https://console.example/submissions/7401");
    expect(parsed.data.facts.rejected).toBe(2);
  });

  it("retries a failing receiver with backoff and keeps both attempts in the log", async () => {
    const c = await channel("webhook", "/flaky", newWebhookSecret());
    flakyFailuresLeft = 1;
    await enqueueAlert("batch.failures", { title: "Batch #7402 finished with failures", text: "1 failed" });
    const before = Date.now();
    expect(await deliverDue(c.id)).toEqual(["retrying"]);
    const waiting = await prisma.alertDelivery.findFirstOrThrow({ where: { channelId: c.id } });
    expect(waiting.state).toBe("retrying");
    expect(waiting.lastStatus).toBe(500);
    // Full jitter: at least half the first delay.
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + config.backoffBaseMs / 2);
    expect(await deliverDue(c.id)).toEqual([]); // not due yet
    await new Promise((r) => setTimeout(r, waiting.nextAttemptAt.getTime() - Date.now() + 50));
    expect(await deliverDue(c.id)).toEqual(["delivered"]);
    const attempts = await prisma.alertDeliveryAttempt.findMany({
      where: { deliveryId: waiting.id },
      orderBy: { attempt: "asc" },
    });
    expect(attempts.map((a) => [a.attempt, a.httpStatus])).toEqual([
      [1, 500],
      [2, 200],
    ]);
    expect(attempts[0]!.responseBody).toContain("busy");
    const ids = received.filter((r) => r.body.includes("#7402")).map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]); // the receiver's idempotency key stays the same
  });

  it("gives up at once on a receiver that answers 410, and after the last attempt otherwise", async () => {
    const gone = await channel("webhook", "/gone", null);
    await enqueueAlert("batch.failures", { title: "Batch #7403", text: "x" });
    expect(await deliverDue(gone.id)).toEqual(["failed"]);
    const down = await channel("webhook", "/flaky", null);
    flakyFailuresLeft = 10;
    await enqueueAlert("batch.failures", { title: "Batch #7404", text: "x" });
    const once = { ...config, maxAttempts: 1 };
    expect(await deliverDue(down.id, once)).toEqual(["failed"]);
    flakyFailuresLeft = 0;
  });

  it("refuses a receiver at a private address unless ALERT_PRIVATE_HOSTS lists it", async () => {
    const c = await channel("webhook", "/ok", null);
    await enqueueAlert("batch.failures", { title: "Batch #7405", text: "x" });
    expect(await deliverDue(c.id, { ...config, send: { ...config.send, privateHosts: [] } })).toEqual(["retrying"]);
    const d = await prisma.alertDelivery.findFirstOrThrow({ where: { channelId: c.id } });
    expect(d.lastError).toMatch(/private address.*ALERT_PRIVATE_HOSTS/);
    expect(received.some((r) => r.body.includes("#7405"))).toBe(false);
  });
});

describe("the group robots", () => {
  it("DingTalk: timestamp and sign in the query verify; a wrong secret is refused and logged as such", async () => {
    const good = await channel("dingtalk", "/dingtalk?access_token=abc", DINGTALK_SECRET);
    const bad = await channel("dingtalk", "/dingtalk?access_token=abc", "SECwrong");
    await enqueueAlert("batch.failures", { title: "Batch #7406 finished with failures", text: "3 rejected" });
    expect(await deliverDue(good.id)).toEqual(["delivered"]);
    expect(await deliverDue(bad.id)).toEqual(["retrying"]);
    const req = received.find((r) => r.path === "/dingtalk" && r.body.includes("#7406"))!;
    expect(req.url.searchParams.get("access_token")).toBe("abc");
    expect(JSON.parse(req.body)).toMatchObject({
      msgtype: "markdown",
      markdown: { title: "Batch #7406 finished with failures" },
    });
    const refused = await prisma.alertDelivery.findFirstOrThrow({ where: { channelId: bad.id } });
    expect(refused.lastError).toContain("310000");
  });

  it("Feishu: timestamp and sign in the body verify", async () => {
    const c = await channel("feishu", "/feishu", FEISHU_SECRET);
    await enqueueAlert("batch.failures", { title: "Batch #7407 finished with failures", text: "1 rejected" });
    expect(await deliverDue(c.id)).toEqual(["delivered"]);
    const body = JSON.parse(received.find((r) => r.path === "/feishu" && r.body.includes("#7407"))!.body);
    expect(body.msg_type).toBe("text");
    expect(verifyFeishu(body)).toBe(true);
  });

  it("WeCom: a markdown message to the key in the URL", async () => {
    const c = await channel("wecom", "/wecom?key=k-7408", null);
    await enqueueAlert("batch.failures", { title: "Batch #7408 finished with failures", text: "1 rejected" });
    expect(await deliverDue(c.id)).toEqual(["delivered"]);
    const req = received.find((r) => r.path === "/wecom" && r.body.includes("#7408"))!;
    expect(req.url.searchParams.get("key")).toBe("k-7408");
    expect(JSON.parse(req.body).markdown.content).toContain("### Batch #7408 finished with failures");
  });
});
