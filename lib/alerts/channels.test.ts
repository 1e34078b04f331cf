import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../auth/sessions";
import { sessionFor } from "../auth/test-session";
import { prisma } from "../db/client";
import { resetEnvCache } from "../env";

/**
 * The channels' admin side on the real database: the actions as an admin
 * calls them, a "send test" that reaches a receiver on a loopback port with a
 * signature verified here from the Standard Webhooks specification, and the
 * secret kept out of every read and audit entry.
 */

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers(),
}));

const PORT = 5102;
const HOST = `127.0.0.1:${PORT}`;
process.env.ALERT_PRIVATE_HOSTS = HOST;
resetEnvCache();

const actions = await import("./actions");
const { getChannel, listChannels, listDeliveries, maskedUrl } = await import("./data");
const { channelInputSchema } = await import("./schema");

const received: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
let server: http.Server;
const PREFIX = `test-51-${process.pid}-`;
let seq = 0;
const name = () => `${PREFIX}${++seq}`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", `http://${HOST}`).pathname;
      received.push({ path, headers: req.headers, body });
      res.writeHead(path === "/down" ? 503 : 200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(PORT, "127.0.0.1", r));
  token = (await sessionFor("admin")).token;
});

afterAll(async () => {
  await prisma.alertChannel.deleteMany({ where: { name: { startsWith: PREFIX } } });
  await new Promise((r) => server.close(r));
});

/** Standard Webhooks verification, written from the specification (not the product's signer). */
function verifies(secret: string, headers: http.IncomingHttpHeaders, body: string): boolean {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const signed = `${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`;
  const expected = createHmac("sha256", key).update(signed).digest();
  return String(headers["webhook-signature"])
    .split(" ")
    .some((entry) => {
      const [version, sig] = entry.split(",");
      const given = Buffer.from(sig ?? "", "base64");
      return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

function ok<T>(r: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
}

describe("channel input", () => {
  const base = { name: "x", type: "dingtalk" as const, url: "https://oapi.dingtalk.com/robot/send?access_token=a" };
  it("takes a URL by what it really is: http(s) with a host, nothing else", () => {
    for (const url of [
      "javascript:alert(1)",
      "ftp://x.example/",
      "http://",
      "x.example/hook",
      "file:///etc/passwd",
      "",
    ])
      expect(channelInputSchema.safeParse({ ...base, url }).success, url).toBe(false);
    expect(channelInputSchema.parse({ ...base, url: "  https://x.example/h  " }).url).toBe("https://x.example/h");
    expect(channelInputSchema.parse({ ...base, url: "HTTP://X.example" }).url).toBe("http://x.example/");
  });
  it("asks of the secret what the type needs", () => {
    const issue = (v: object) => channelInputSchema.safeParse({ ...base, ...v }).error?.issues[0]?.path.join(".");
    expect(issue({ type: "wecom", secret: "abc" })).toBe("secret");
    expect(issue({ type: "webhook", secret: "not-whsec" })).toBe("secret");
    expect(issue({ type: "webhook", secret: "whsec_c2hvcnQ=" })).toBe("secret"); // 5 bytes
    expect(issue({ type: "webhook", secret: `whsec_${Buffer.alloc(32, 7).toString("base64")}` })).toBeUndefined();
    expect(issue({ type: "feishu", secret: "anything" })).toBeUndefined();
    expect(channelInputSchema.parse({ ...base, secret: "" }).secret).toBeNull();
  });
  it("keeps the events to the kinds a channel may choose, once each, in their order", () => {
    expect(
      channelInputSchema.parse({ ...base, events: ["rule.paused", "batch.failures", "rule.paused"] }).events,
    ).toEqual(["batch.failures", "rule.paused"]);
    expect(channelInputSchema.safeParse({ ...base, events: ["test"] }).success).toBe(false);
    expect(channelInputSchema.safeParse({ ...base, events: ["nope"] }).success).toBe(false);
  });
  it("masks the URL's query values (robot tokens and keys are credentials)", () => {
    expect(maskedUrl("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1&x=2")).toBe(
      "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…&x=…",
    );
  });
});

describe("channels, as an admin manages them", () => {
  it("a webhook created without a secret gets one, shown once; reads and the audit trail never carry it", async () => {
    const n = name();
    const created = ok(
      await actions.createAlertChannel({
        name: n,
        type: "webhook",
        url: `http://${HOST}/hook`,
        events: ["batch.failures"],
      }),
    );
    const secret = created.generatedSecret!;
    expect(secret).toMatch(/^whsec_/);
    const id = BigInt(created.id);
    const stored = await prisma.alertChannel.findUniqueOrThrow({ where: { id } });
    expect(stored.secret).toBe(secret);
    const one = await getChannel(id);
    expect(one).toMatchObject({ name: n, hasSecret: true, enabled: true, events: ["batch.failures"] });
    const all = await listChannels();
    const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
    expect(json(one)).not.toContain(secret.slice(6));
    expect(json(all)).not.toContain(secret.slice(6));
    expect(all.find((c) => c.id === id)).toMatchObject({ hasSecret: true, lastDelivery: null });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { target: `alert_channel:${id}` } });
    expect(audit.action).toBe("alert_channel.create");
    expect(json(audit.details)).not.toContain(secret.slice(6));
    expect(audit.details).toMatchObject({ secret: "generated" });
  });

  it("a test send reaches the receiver, signed so that the receiver's verification passes, and shows in the log", async () => {
    const secret = `whsec_${Buffer.alloc(32, 9).toString("base64")}`;
    const created = ok(
      await actions.createAlertChannel({ name: name(), type: "webhook", url: `http://${HOST}/test-hook`, secret }),
    );
    expect(created.generatedSecret).toBeNull();
    const sent = ok(await actions.sendTestAlertAction({ channelId: created.id }));
    expect(sent.outcome).toBe("delivered");
    const got = received.filter((r) => r.path === "/test-hook");
    expect(got).toHaveLength(1);
    expect(verifies(secret, got[0]!.headers, got[0]!.body)).toBe(true);
    expect(verifies(secret, got[0]!.headers, got[0]!.body.replace("test", "tost"))).toBe(false);
    expect(JSON.parse(got[0]!.body)).toMatchObject({ type: "test", data: { facts: { channel: expect.any(String) } } });
    const log = await listDeliveries(BigInt(created.id), null);
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]).toMatchObject({ id: BigInt(sent.deliveryId), kind: "test", state: "delivered", attempts: 1 });
    expect(log.rows[0]!.attemptLog.map((a) => a.httpStatus)).toEqual([200]);
    expect((await listChannels()).find((c) => c.id === BigInt(created.id))?.lastDelivery?.state).toBe("delivered");
  });

  it("a failing receiver's test stays in the queue for the dispatcher's retries, and the log says why", async () => {
    const created = ok(
      await actions.createAlertChannel({ name: name(), type: "wecom", url: `http://${HOST}/down?key=k` }),
    );
    const sent = ok(await actions.sendTestAlertAction({ channelId: created.id }));
    expect(sent.outcome).toBe("retrying");
    const [row] = (await listDeliveries(BigInt(created.id), null)).rows;
    expect(row).toMatchObject({ state: "retrying", lastStatus: 503, lastError: "the receiver answered HTTP 503" });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("the delivery log pages newest first on the id, older pages through `before`", async () => {
    const created = ok(await actions.createAlertChannel({ name: name(), type: "feishu", url: `http://${HOST}/f` }));
    const id = BigInt(created.id);
    for (let i = 0; i < 5; i++)
      await prisma.alertDelivery.create({
        data: { channelId: id, kind: "batch.failures", messageId: `m${i}`, payload: { title: `#${i}` } },
      });
    const first = await listDeliveries(id, null, 2);
    expect(first.rows.map((r) => r.title)).toEqual(["#4", "#3"]);
    const second = await listDeliveries(id, BigInt(first.next!), 2);
    expect(second.rows.map((r) => r.title)).toEqual(["#2", "#1"]);
    const last = await listDeliveries(id, BigInt(second.next!), 2);
    expect(last.rows.map((r) => r.title)).toEqual(["#0"]);
    expect(last.next).toBeNull();
  });

  it("updates: the secret is replaced, removed (a webhook's regenerated), refused when its type has none", async () => {
    const robot = ok(
      await actions.createAlertChannel({
        name: name(),
        type: "dingtalk",
        url: `http://${HOST}/d?access_token=t`,
        secret: "SECold",
      }),
    );
    ok(await actions.updateAlertChannel({ channelId: robot.id, patch: { secret: "SECnew", events: ["rule.paused"] } }));
    expect((await prisma.alertChannel.findUniqueOrThrow({ where: { id: BigInt(robot.id) } })).secret).toBe("SECnew");
    ok(await actions.updateAlertChannel({ channelId: robot.id, patch: { secret: null } }));
    expect(await getChannel(BigInt(robot.id))).toMatchObject({ hasSecret: false, events: ["rule.paused"] });
    const audits = await prisma.auditEvent.findMany({
      where: { target: `alert_channel:${robot.id}` },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => (a.details as { secret?: string }).secret)).toEqual(["set", "replaced", "removed"]);
    expect(JSON.stringify(audits.map((a) => a.details))).not.toMatch(/SECold|SECnew|access_token=t/);

    const wecom = ok(await actions.createAlertChannel({ name: name(), type: "wecom", url: `http://${HOST}/w?key=k` }));
    expect(await actions.updateAlertChannel({ channelId: wecom.id, patch: { secret: "x" } })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    const hook = ok(await actions.createAlertChannel({ name: name(), type: "webhook", url: `http://${HOST}/h` }));
    const regenerated = ok(await actions.updateAlertChannel({ channelId: hook.id, patch: { secret: null } }));
    expect(regenerated.generatedSecret).toMatch(/^whsec_/);
    expect(regenerated.generatedSecret).not.toBe(hook.generatedSecret);
  });

  it("names are unique, unknown ids are not found, off and delete take effect", async () => {
    const n = name();
    const c = ok(await actions.createAlertChannel({ name: n, type: "wecom", url: `http://${HOST}/w?key=1` }));
    expect(await actions.createAlertChannel({ name: n, type: "wecom", url: `http://${HOST}/w?key=2` })).toMatchObject({
      ok: false,
      code: "name_taken",
    });
    ok(await actions.setAlertChannelEnabled({ channelId: c.id, enabled: false }));
    expect((await getChannel(BigInt(c.id)))?.enabled).toBe(false);
    ok(await actions.sendTestAlertAction({ channelId: c.id })); // a disabled channel still gets its own test
    ok(await actions.deleteAlertChannel({ channelId: c.id }));
    expect(await getChannel(BigInt(c.id))).toBeNull();
    expect(await prisma.alertDelivery.count({ where: { channelId: BigInt(c.id) } })).toBe(0);
    for (const r of [
      await actions.deleteAlertChannel({ channelId: c.id }),
      await actions.sendTestAlertAction({ channelId: c.id }),
      await actions.updateAlertChannel({ channelId: c.id, patch: { enabled: true } }),
    ])
      expect(r).toMatchObject({ ok: false, code: "not_found" });
    expect(await actions.deleteAlertChannel({ channelId: "99999999999999999999" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
  });

  it("asks for a recent sign-in before creating, changing, switching off or deleting; a test send does not", async () => {
    const c = ok(await actions.createAlertChannel({ name: name(), type: "wecom", url: `http://${HOST}/w?key=3` }));
    const stale = await sessionFor("admin");
    await prisma.session.updateMany({
      where: { userId: stale.userId },
      data: { authenticatedAt: new Date(Date.now() - 60 * 60_000) },
    });
    const own = token;
    token = stale.token;
    try {
      for (const r of [
        await actions.createAlertChannel({ name: name(), type: "wecom", url: `http://${HOST}/w?key=4` }),
        await actions.updateAlertChannel({ channelId: c.id, patch: { url: `http://${HOST}/elsewhere` } }),
        await actions.setAlertChannelEnabled({ channelId: c.id, enabled: false }),
        await actions.deleteAlertChannel({ channelId: c.id }),
      ])
        expect(r).toMatchObject({ ok: false, code: "reauth_required" });
      expect(await getChannel(BigInt(c.id))).toMatchObject({ enabled: true });
      ok(await actions.sendTestAlertAction({ channelId: c.id }));
    } finally {
      token = own;
    }
  });
});
