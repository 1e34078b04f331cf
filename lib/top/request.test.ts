import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReceiveCallRecordRequest } from "./request";
import { serializeCallRecordDto } from "./serialize";
import { signTopParams } from "./sign";
import { formatGmt8, parseGmt8 } from "./timestamp";

const config = {
  appKey: "12345678",
  appSecret: "helloworld",
  signMethod: "hmac-sha256" as const,
  format: "json" as const,
};
const record = {
  call_record_id: 9007199254740993n, // 2^53 + 1: a float would write ...992
  robot_call_job_id: 9223372036854775807n,
  called_phone_number: "13800001234",
  result_status: "ANSWERED",
  chat_duration: 62,
  start_time: new Date("2026-03-01T01:30:00Z"),
  end_time: new Date("2026-03-01T01:31:10Z"),
  name: "张三 丰",
  properties: '{"case_no":"(2026)京0105民初12345号"}',
  intent_level_code: 2,
  intent_level_tag_id: 9007199254740995n,
  phone_number: null,
  full_audio_url: undefined,
};
const now = new Date("2026-03-01T02:00:00Z");

describe("GMT+8 timestamps", () => {
  it("formats an instant as GMT+8 wall time", () => {
    expect(formatGmt8(new Date("2026-03-01T00:00:00Z"))).toBe("2026-03-01 08:00:00");
    expect(formatGmt8(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01 00:00:00");
  });

  it("parses GMT+8 wall time (with + for a space, as form-encoded clients send it) and refuses non-dates", () => {
    expect(parseGmt8("2026-03-01 08:00:00")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parseGmt8("2026-03-01+08:00:00")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parseGmt8("2026-02-30 08:00:00")).toBeNull();
    expect(parseGmt8("2026-03-01T08:00:00Z")).toBeNull();
  });

  it("is the same on a host in New York", () => {
    const script = `import { formatGmt8 } from ${JSON.stringify(path.resolve("lib/top/timestamp.ts"))}; console.log(formatGmt8(new Date("2026-07-01T00:00:00Z")), new Date(2026, 6, 1).getTimezoneOffset());`;
    const out = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      env: { ...process.env, TZ: "America/New_York" },
      encoding: "utf8",
    });
    expect(out.stderr).toBe("");
    // 240 proves the child really ran in New York's summer time.
    expect(out.stdout.trim()).toBe("2026-07-01 08:00:00 240");
  });
});

describe("buildReceiveCallRecordRequest", () => {
  it("writes the DTO with snake_case keys, exact int64 digits, GMT+8 dates and no null fields", () => {
    expect(serializeCallRecordDto(record)).toBe(
      '{"call_record_id":9007199254740993,"robot_call_job_id":9223372036854775807,"called_phone_number":"13800001234",' +
        '"result_status":"ANSWERED","chat_duration":62,"start_time":"2026-03-01 09:30:00","end_time":"2026-03-01 09:31:10",' +
        '"name":"张三 丰","properties":"{\\"case_no\\":\\"(2026)京0105民初12345号\\"}","intent_level_code":2,"intent_level_tag_id":9007199254740995}',
    );
  });

  it("builds the exact signed, encoded body", () => {
    const req = buildReceiveCallRecordRequest(config, record, { now });
    expect(Object.keys(req.params)).toEqual([
      "method",
      "app_key",
      "timestamp",
      "v",
      "sign_method",
      "format",
      "rpc_context",
      "ivr_call_record_d_t_o",
      "sign",
    ]);
    expect(req.params.timestamp).toBe("2026-03-01 10:00:00");
    const { sign, ...unsigned } = req.params;
    expect(sign).toBe(signTopParams(unsigned, "helloworld", "hmac-sha256"));
    expect(sign).toMatch(/^[0-9A-F]{64}$/);
    expect(req.body).toBe(
      "method=alibaba.lvms.lvr.receivecallrecord&app_key=12345678&timestamp=2026-03-01%2010%3A00%3A00&v=2.0&sign_method=hmac-sha256&format=json" +
        "&rpc_context=%7B%7D&ivr_call_record_d_t_o=" +
        encodeURIComponent(serializeCallRecordDto(record)) +
        `&sign=${sign}`,
    );
    expect(req.body).not.toContain("helloworld");
  });

  it("sends session, partner_id and simplify only when they have a value", () => {
    const bare = buildReceiveCallRecordRequest({ ...config, session: "", partnerId: undefined }, record, { now });
    expect(bare.params).not.toHaveProperty("session");
    expect(bare.params).not.toHaveProperty("partner_id");
    expect(bare.params).not.toHaveProperty("simplify");
    const full = buildReceiveCallRecordRequest({ ...config, session: "sess", partnerId: "lvr-console" }, record, {
      now,
      simplify: true,
      rpcContext: { trace: "t1" },
    });
    expect(full.params).toMatchObject({
      session: "sess",
      partner_id: "lvr-console",
      simplify: "true",
      rpc_context: '{"trace":"t1"}',
    });
  });
});
