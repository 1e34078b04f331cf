import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTopClient, type TopClient } from "../../lib/top/client";
import type { TopConfig } from "../../lib/top/config";
import { buildReceiveCallRecordRequest, encodeForm } from "../../lib/top/request";
import { signTopParams, type SignMethod } from "../../lib/top/sign";
import { formatGmt8 } from "../../lib/top/timestamp";
import { startTopEmulator, type TopEmulator } from "./server";

const SECRET = "emulator-test-secret";
const record = {
  call_record_id: 9007199254740993n,
  robot_call_job_id: 77n,
  result_status: "ANSWERED",
  start_time: new Date("2026-03-01T01:30:00Z"),
  end_time: new Date("2026-03-01T01:31:00Z"),
  chat_duration: 55,
  name: "张三",
};

let emulator: TopEmulator;
let config: TopConfig;
const clients: TopClient[] = [];

function client(overrides: Partial<TopConfig> = {}): TopClient {
  const c = createTopClient({ ...config, ...overrides });
  clients.push(c);
  return c;
}

async function post(body: string | FormData, query = "", headers: Record<string, string> = {}) {
  const res = await fetch(`${emulator.gatewayUrl}${query}`, {
    method: "POST",
    body,
    headers:
      typeof body === "string"
        ? { "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8", ...headers }
        : headers,
  });
  return { status: res.status, type: res.headers.get("content-type"), json: JSON.parse(await res.text()) };
}

beforeAll(async () => {
  emulator = await startTopEmulator({ apps: new Map([["app-1", SECRET]]) });
  config = {
    gatewayUrl: emulator.gatewayUrl,
    appKey: "app-1",
    appSecret: SECRET,
    signMethod: "hmac-sha256",
    format: "json",
    timeoutMs: 2_000,
    connectTimeoutMs: 1_000,
  };
});
afterAll(async () => {
  for (const c of clients) c.close();
  await emulator.close();
});
beforeEach(() => {
  emulator.setFaults({});
});

describe("client ↔ emulator over HTTP", () => {
  it.each(["md5", "hmac", "hmac-sha256"] as SignMethod[])(
    "accepts a record signed with %s and remembers it",
    async (signMethod) => {
      const result = await client({ signMethod }).receiveCallRecord(record);
      expect(result).toMatchObject({
        kind: "accepted",
        httpStatus: 200,
        result: { count: 1, success: true, code: "0" },
      });
      expect(result.requestId).toMatch(/^[a-z0-9]+$/);
      const received = emulator.received.toJSON().apps["app-1"]!;
      expect(received.entries.find((e) => e.call_record_id === "9007199254740993")).toMatchObject({
        robot_call_job_id: "77",
      });
    },
  );

  it("answers XML when asked (and by default) and the client reads it", async () => {
    expect(await client({ format: "xml" }).receiveCallRecord(record)).toMatchObject({
      kind: "accepted",
      result: { success: true },
    });
    const { params } = buildReceiveCallRecordRequest({ ...config, format: "json" }, record);
    const { format: _omit, sign: _sign, ...rest } = params;
    const res = await fetch(emulator.gatewayUrl, {
      method: "POST",
      body: encodeForm({ ...rest, sign: signTopParams(rest, SECRET, "hmac-sha256") }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.headers.get("content-type")).toBe("text/xml;charset=UTF-8");
    expect(await res.text()).toContain("<success>true</success>");
  });

  it("answers simplify=true without the wrapper, as application/json;charset=UTF-8", async () => {
    const { body } = buildReceiveCallRecordRequest(config, record, { simplify: true });
    const res = await post(body);
    expect(res.type).toBe("application/json;charset=UTF-8");
    expect(res.json).toMatchObject({ lvms_result_d_t_o: { success: true, count: 1 }, request_id: expect.any(String) });
  });

  it("never returns the secret", async () => {
    const result = await client().receiveCallRecord(record);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result.sentParams.sign).toMatch(/^[0-9A-F]{64}$/);
  });

  it("sees a wrong secret as a configuration error (25)", async () => {
    const result = await client({ appSecret: "wrong" }).receiveCallRecord(record);
    expect(result).toMatchObject({ kind: "config", error: { code: 25, msg: "Invalid Signature" } });
  });

  it("sees an unknown app key as a configuration error (29)", async () => {
    expect(await client({ appKey: "nope" }).receiveCallRecord(record)).toMatchObject({
      kind: "config",
      error: { code: 29 },
    });
  });

  it("refuses a clock more than 10 minutes off (31), and accepts 9 minutes", async () => {
    const skewed = await client().receiveCallRecord(record, { now: new Date(Date.now() - 11 * 60_000) });
    expect(skewed).toMatchObject({ kind: "config", error: { code: 31, msg: "Invalid Timestamp" } });
    expect(await client().receiveCallRecord(record, { now: new Date(Date.now() + 9 * 60_000) })).toMatchObject({
      kind: "accepted",
    });
  });

  it("rejects a record that fails binding with 15 isv.invalid-parameter 非法参数", async () => {
    const params: Record<string, string> = {
      method: "alibaba.lvms.lvr.receivecallrecord",
      app_key: "app-1",
      timestamp: formatGmt8(new Date()),
      v: "2.0",
      sign_method: "md5",
      format: "json",
      ivr_call_record_d_t_o: '{"call_record_id":1,"robot_call_job_id":2,"start_time":"2026-03-01T09:00:00Z"}',
    };
    params.sign = signTopParams(params, SECRET, "md5");
    const res = await post(encodeForm(params));
    expect(res.json.error_response).toMatchObject({
      code: 15,
      msg: "Remote service error",
      sub_code: "isv.invalid-parameter",
      sub_msg: "非法参数",
    });
  });

  it("answers a business rejection (success:false) for a record without its job", async () => {
    const params: Record<string, string> = {
      method: "alibaba.lvms.lvr.receivecallrecord",
      app_key: "app-1",
      timestamp: formatGmt8(new Date()),
      v: "2.0",
      sign_method: "md5",
      format: "json",
      ivr_call_record_d_t_o: '{"call_record_id":5}',
    };
    params.sign = signTopParams(params, SECRET, "md5");
    const res = await post(encodeForm(params));
    expect(res.json.alibaba_lvms_lvr_receivecallrecord_response.lvms_result_d_t_o).toEqual({
      count: 0,
      success: false,
      code: "JOB_ID_REQUIRED",
      message: "外呼任务ID不能为空",
    });
  });
});

describe("protocol checks, in the gateway's order", () => {
  const base = () => ({
    method: "alibaba.lvms.lvr.receivecallrecord",
    app_key: "app-1",
    timestamp: formatGmt8(new Date()),
    v: "2.0",
    sign_method: "md5",
    format: "json",
    ivr_call_record_d_t_o: '{"call_record_id":1,"robot_call_job_id":2}',
  });
  const signed = (p: Record<string, string>) => ({
    ...p,
    sign: signTopParams(p, SECRET, (p.sign_method as SignMethod) || "md5"),
  });
  const without = (p: Record<string, string>, k: string) =>
    Object.fromEntries(Object.entries(p).filter(([key]) => key !== k));

  it.each([
    ["no method", () => signed(without(base(), "method")), 21, "Missing Method"],
    ["an unknown method", () => signed({ ...base(), method: "taobao.item.get" }), 22, "Invalid Method"],
    ["no app key", () => signed(without(base(), "app_key")), 28, "Missing App Key"],
    ["no timestamp", () => signed(without(base(), "timestamp")), 30, "Missing Timestamp"],
    ["a malformed timestamp", () => signed({ ...base(), timestamp: "2026/03/01 10:00" }), 31, "Invalid Timestamp"],
    ["no version", () => signed(without(base(), "v")), 32, "Missing Version"],
    ["a non-numeric version", () => signed({ ...base(), v: "two" }), 33, "Invalid Version"],
    ["version 3.0", () => signed({ ...base(), v: "3.0" }), 34, "Unsupported Version"],
    ["no sign", () => base(), 24, "Missing Signature"],
    [
      "a tampered parameter",
      () => ({ ...signed(base()), ivr_call_record_d_t_o: '{"call_record_id":9,"robot_call_job_id":2}' }),
      25,
      "Invalid Signature",
    ],
    ["format yaml", () => signed({ ...base(), format: "yaml" }), 23, "Invalid Format"],
  ])("answers %s with its code", async (_name, make, code, msg) => {
    const res = await fetch(emulator.gatewayUrl, {
      method: "POST",
      body: encodeForm(make()),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    if (code === 23)
      expect(text).toContain(`<code>23</code><msg>${msg}</msg>`); // an invalid format answers in XML
    else expect(JSON.parse(text).error_response).toMatchObject({ code, msg, request_id: expect.any(String) });
  });

  it("accepts an epoch-millisecond timestamp, as the Python SDK sends", async () => {
    const res = await post(encodeForm(signed({ ...base(), timestamp: String(Date.now()) })));
    expect(res.json.alibaba_lvms_lvr_receivecallrecord_response.lvms_result_d_t_o.success).toBe(true);
  });
});

describe("other clients' layouts", () => {
  it("accepts an independent md5 client that signs empty values and encodes spaces as %20", async () => {
    // Written here from the protocol, sharing no code with lib/top.
    const params: Record<string, string> = {
      method: "alibaba.lvms.lvr.receivecallrecord",
      app_key: "app-1",
      v: "2.0",
      format: "json",
      sign_method: "md5",
      timestamp: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " "),
      partner_id: "",
      rpc_context: "{}",
      ivr_call_record_d_t_o: JSON.stringify({
        call_record_id: 4242,
        robot_call_job_id: 7,
        name: "李 四",
        start_time: "2026-03-01 09:00:00",
      }),
    };
    const text = Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join("");
    params.sign = createHash("md5")
      .update(SECRET + text + SECRET, "utf8")
      .digest("hex")
      .toUpperCase();
    const body = Object.entries(params)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join("&");
    expect(body).toContain("%20");
    const res = await post(body);
    expect(res.json.alibaba_lvms_lvr_receivecallrecord_response.lvms_result_d_t_o).toMatchObject({ success: true });
  });

  it("accepts a Java-style client: system parameters in the query string with + for spaces, business ones in the body", async () => {
    const sys: Record<string, string> = {
      method: "alibaba.lvms.lvr.receivecallrecord",
      app_key: "app-1",
      timestamp: formatGmt8(new Date()),
      v: "2.0",
      sign_method: "hmac",
      format: "json",
    };
    const biz: Record<string, string> = {
      ivr_call_record_d_t_o: '{"call_record_id":4243,"robot_call_job_id":7,"name":"王 五"}',
    };
    const sign = signTopParams({ ...sys, ...biz }, SECRET, "hmac");
    const plus = (p: Record<string, string>) => new URLSearchParams(p).toString(); // URLSearchParams writes + for spaces
    const query = `?${plus({ ...sys, sign })}`;
    expect(query).toContain("+");
    const res = await post(plus(biz), query);
    expect(res.json.alibaba_lvms_lvr_receivecallrecord_response.lvms_result_d_t_o).toMatchObject({ success: true });
  });

  it("accepts multipart/form-data fields", async () => {
    const { params } = buildReceiveCallRecordRequest(
      { ...config, signMethod: "md5" },
      { call_record_id: 4244n, robot_call_job_id: 7n, name: "赵六" },
    );
    const form = new FormData();
    for (const [k, v] of Object.entries(params)) form.append(k, v);
    const res = await post(form);
    expect(res.json.alibaba_lvms_lvr_receivecallrecord_response.lvms_result_d_t_o).toMatchObject({ success: true });
  });

  it("takes parameters from a GET query string", async () => {
    const { params } = buildReceiveCallRecordRequest(config, { call_record_id: 4245n, robot_call_job_id: 7n });
    const res = await fetch(`${emulator.gatewayUrl}?${encodeForm(params)}`);
    expect((await res.json()).alibaba_lvms_lvr_receivecallrecord_response.lvms_result_d_t_o.success).toBe(true);
  });
});

describe("fault injection", () => {
  it("times out: the client gives up after its total timeout, as a transient failure", async () => {
    emulator.setFaults({ timeout: 1 });
    const result = await client({ timeoutMs: 300 }).receiveCallRecord(record);
    expect(result).toMatchObject({ kind: "transient", transportError: "no answer within 300 ms" });
    expect(result.latencyMs).toBeGreaterThanOrEqual(290);
  });

  it("stops on an AbortSignal", async () => {
    emulator.setFaults({ timeout: 1 });
    const controller = new AbortController();
    const pending = client().receiveCallRecord(record, { signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ kind: "transient", transportError: "aborted" });
  });

  it.each([
    [{ http502: 1 }, "HTTP 502 from the gateway", 502],
    [{ http503: 1 }, "HTTP 503 from the gateway", 503],
    [{ garbage: 1 }, "unreadable answer: no lvms_result_d_t_o in the answer", 200],
    [{ truncated: 1 }, "unreadable answer: malformed JSON", 200],
  ])("turns %j into a transient failure", async (faults, transportError, httpStatus) => {
    emulator.setFaults(faults);
    expect(await client().receiveCallRecord(record)).toMatchObject({ kind: "transient", transportError, httpStatus });
  });

  it("rate-limits with a ban the client honours", async () => {
    emulator.setFaults({ rateLimit: { probability: 1, banSeconds: 3 } });
    expect(await client().receiveCallRecord(record)).toMatchObject({
      kind: "transient",
      retryAfterMs: 3000,
      error: { code: 7, msg: "App Call Limited", sub_code: "accesscontrol.limited-by-app-access-count" },
    });
  });

  it("bans an app that exceeds the QPS cap", async () => {
    emulator.setFaults({ qpsCap: { qps: 3, banSeconds: 5 } });
    const c = client();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await c.receiveCallRecord(record));
    expect(results.filter((r) => r.kind === "accepted").length).toBeLessThanOrEqual(3);
    expect(results.at(-1)).toMatchObject({ kind: "transient", error: { code: 7 }, retryAfterMs: expect.any(Number) });
  });

  it("answers isp.top-remote-connection-timeout (transient) and business rejections (rejected)", async () => {
    emulator.setFaults({ ispTimeout: 1 });
    expect(await client().receiveCallRecord(record)).toMatchObject({
      kind: "transient",
      error: { code: 15, sub_code: "isp.top-remote-connection-timeout" },
    });
    emulator.setFaults({ businessReject: 1 });
    expect(await client().receiveCallRecord(record)).toMatchObject({
      kind: "rejected",
      result: { success: false, code: "BIZ_REJECTED" },
    });
  });

  it("replays the same faults for the same seed", async () => {
    const run = async () => {
      emulator.setFaults({ seed: 42, businessReject: 0.5 });
      const c = client();
      const kinds = [];
      for (let i = 0; i < 12; i++) kinds.push((await c.receiveCallRecord(record)).kind);
      return kinds;
    };
    const first = await run();
    expect(new Set(first)).toEqual(new Set(["accepted", "rejected"]));
    expect(await run()).toEqual(first);
  });

  it("validates fault settings posted at run time", async () => {
    const bad = await fetch(`${emulator.url}/__emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ http502: 2 }),
    });
    expect(bad.status).toBe(400);
    const ok = await fetch(`${emulator.url}/__emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ delay: { probability: 1, minMs: 1, maxMs: 2 } }),
    });
    expect(ok.status).toBe(200);
    expect(await client().receiveCallRecord(record)).toMatchObject({ kind: "accepted" });
  });
});
