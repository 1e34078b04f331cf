import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../../dev/testing/api";
import { prisma } from "../../db/client";
import { resetEnvCache } from "../../env";

/** /api/v1/alert-channels: the admin page's actions for scripts, with the same checks and no secret answered twice. */

let admin: string;
let readOnly: string;
let supervisor: string;
let server: http.Server;
let base: string;
const hits: string[] = [];
const PREFIX = `api-channel-${process.pid}-`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      hits.push(req.headers["webhook-signature"]?.toString() ?? "");
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A receiver on loopback is refused unless named here (a guard against requests to private hosts).
  process.env.ALERT_PRIVATE_HOSTS = base;
  resetEnvCache();
  admin = (await tokenFor("admin")).token;
  readOnly = (await tokenFor("admin", { readOnly: true })).token;
  supervisor = (await tokenFor("supervisor")).token;
});

afterAll(async () => {
  await prisma.alertChannel.deleteMany({ where: { name: { startsWith: PREFIX } } });
  await new Promise((r) => server.close(r));
});

const problems = async (res: Response) =>
  ((await res.json()) as { error: { code: string; details: { param: string }[] | null } }).error;

describe("/api/v1/alert-channels", () => {
  it("creates a webhook channel with a secret answered once, reads, changes, tests and deletes it", async () => {
    const created = await call(admin, "POST", "/alert-channels", {
      name: `${PREFIX}ops`,
      type: "webhook",
      url: `http://${base}/hook?token=abc`,
      events: ["batch.paused", "batch.failures"],
    });
    expect(created.status).toBe(201);
    const channel = (await created.json()) as Record<string, unknown> & { id: string; generated_secret: string };
    expect(channel).toMatchObject({
      name: `${PREFIX}ops`,
      type: "webhook",
      url: `http://${base}/hook?token=…`,
      events: ["batch.failures", "batch.paused"],
      enabled: true,
      has_secret: true,
      last_delivery: null,
    });
    expect(channel.generated_secret).toMatch(/^whsec_/);

    const read = await call(admin, "GET", `/alert-channels/${channel.id}`);
    const text = await read.text();
    expect(read.status).toBe(200);
    expect(text).not.toContain(channel.generated_secret.slice("whsec_".length));
    expect(text).not.toContain("abc");
    const list = (await (await call(admin, "GET", "/alert-channels")).json()) as { items: { id: string }[] };
    expect(list.items.map((c) => c.id)).toContain(channel.id);

    const patched = await call(admin, "PATCH", `/alert-channels/${channel.id}`, { events: ["rule.paused"] });
    expect(await patched.json()).toMatchObject({ events: ["rule.paused"], generated_secret: null });

    const tested = await call(admin, "POST", `/alert-channels/${channel.id}/test`);
    expect(await tested.json()).toMatchObject({ outcome: "delivered" });
    expect(hits.at(-1)).toMatch(/^v1,/);
    const after = (await (await call(admin, "GET", `/alert-channels/${channel.id}`)).json()) as {
      last_delivery: { kind: string; state: string };
    };
    expect(after.last_delivery).toMatchObject({ kind: "test", state: "delivered" });

    expect((await call(admin, "DELETE", `/alert-channels/${channel.id}`)).status).toBe(200);
    expect((await call(admin, "GET", `/alert-channels/${channel.id}`)).status).toBe(404);
    expect((await call(admin, "POST", `/alert-channels/${channel.id}/test`)).status).toBe(404);
  });

  it("answers 400 naming the parameter for a bad URL, secret, event or type", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: `${PREFIX}a`, type: "webhook", url: "javascript:alert(1)" }, "url"],
      [{ name: `${PREFIX}b`, type: "webhook", url: `http://${base}/`, secret: "plain" }, "secret"],
      [{ name: `${PREFIX}c`, type: "wecom", url: `http://${base}/`, secret: "s3cret" }, "secret"],
      [{ name: `${PREFIX}d`, type: "webhook", url: `http://${base}/`, events: ["everything"] }, "events.0"],
      [{ name: `${PREFIX}e`, type: "slack", url: `http://${base}/` }, "type"],
      [{ name: "", type: "webhook", url: `http://${base}/` }, "name"],
    ];
    for (const [body, param] of cases) {
      const res = await call(admin, "POST", "/alert-channels", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        (await problems(res)).details?.map((d) => d.param),
        JSON.stringify(body),
      ).toContain(param);
    }
    expect((await call(admin, "GET", "/alert-channels/abc")).status).toBe(400);
  });

  it("refuses a duplicate name (409), a read-only token's writes and a supervisor (403)", async () => {
    const body = { name: `${PREFIX}twice`, type: "dingtalk", url: `http://${base}/robot/send?access_token=t` };
    expect((await call(admin, "POST", "/alert-channels", body)).status).toBe(201);
    const again = await call(admin, "POST", "/alert-channels", body);
    expect(again.status).toBe(409);
    expect((await problems(again)).code).toBe("name_taken");
    expect((await call(readOnly, "POST", "/alert-channels", { ...body, name: `${PREFIX}ro` })).status).toBe(403);
    // Managing channels is one permission (alerts:manage), a write one: a read-only token has none of it.
    expect((await call(readOnly, "GET", "/alert-channels")).status).toBe(403);
    expect((await call(supervisor, "GET", "/alert-channels")).status).toBe(403);
  });
});
