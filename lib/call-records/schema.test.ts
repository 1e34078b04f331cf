import { describe, expect, it } from "vitest";
import { contentHash } from "./ingest/content-hash";
import { parseJsonExact } from "./json-bigint";
import { LIMITS, validateCallRecord, type FieldError, type NormalizedCallRecord } from "./schema";

const base = { call_record_id: 1001, robot_call_job_id: 77 };

function valid(item: unknown): NormalizedCallRecord {
  const r = validateCallRecord(item);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.record;
}

function errors(item: unknown): FieldError[] {
  const r = validateCallRecord(item);
  if (r.ok) throw new Error("accepted");
  return r.errors;
}

describe("validateCallRecord", () => {
  it("normalises a full wire record", () => {
    const r = valid({
      call_record_id: "9007199254740993",
      robot_call_job_id: 9223372036854775807n,
      called_phone_number: "13800138000",
      result_status: "  ANSWERED ",
      full_audio_url: "https://cdn.example.com/a.wav",
      chat_duration: 37,
      start_time: "2026-03-01 08:00:00",
      end_time: 1772323237,
      name: "张三",
      properties: '{"caseId":"C1","big":12345678901234567890}',
      intent_level_detail_name: "A类",
      tenant_phone_number_id: 5,
      phone_number: "02100000000",
      intent_level_code: -1,
      intent_level_tag_id: "3",
      rpc_context: '{"traceId":"t-1"}',
      some_vendor_extra: "ignored",
    });
    expect(r).toEqual({
      callRecordId: 9007199254740993n,
      robotCallJobId: 9223372036854775807n,
      calledPhoneNumber: "13800138000",
      resultStatus: "ANSWERED",
      fullAudioUrl: "https://cdn.example.com/a.wav",
      chatDuration: 37,
      startTime: new Date("2026-03-01T00:00:00Z"),
      endTime: new Date("2026-03-01T00:00:37Z"),
      name: "张三",
      properties: '{"caseId":"C1","big":12345678901234567890}',
      propertiesJson: { caseId: "C1", big: 12345678901234567890n },
      intentLevelDetailName: "A类",
      tenantPhoneNumberId: 5n,
      phoneNumber: "02100000000",
      intentLevelCode: -1,
      intentLevelTagId: 3n,
      rpcContext: { traceId: "t-1" },
    });
  });

  it("treats absent, null and blank optional fields as no value", () => {
    const r = valid({ ...base, name: null, start_time: "", chat_duration: " ", result_status: "   " });
    expect([r.name, r.startTime, r.chatDuration, r.resultStatus, r.rpcContext, r.properties]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("keeps any result_status (vendors add values), trimmed but not re-cased", () => {
    expect(valid({ ...base, result_status: "transfer_artificial_v2" }).resultStatus).toBe("transfer_artificial_v2");
  });

  it("keeps properties verbatim and parses them when they are JSON", () => {
    expect(valid({ ...base, properties: "free text, not JSON" })).toMatchObject({
      properties: "free text, not JSON",
      propertiesJson: null,
    });
    expect(valid({ ...base, properties: '{ "a" : 1 }' })).toMatchObject({
      properties: '{ "a" : 1 }',
      propertiesJson: { a: 1 },
    });
    // an object is accepted too, and stored as its JSON text
    expect(valid({ ...base, properties: { b: [1, 2] } })).toMatchObject({
      properties: '{"b":[1,2]}',
      propertiesJson: { b: [1, 2] },
    });
    // JSON that jsonb cannot hold (a NUL in a string) is kept as text only
    expect(valid({ ...base, properties: '{"a":"x\\u0000y"}' })).toMatchObject({ propertiesJson: null });
  });

  it("unwraps the TOP form shape, with the DTO and rpc_context as objects or JSON strings", () => {
    const dto = { ...base, start_time: "2026-03-01 08:00:00" };
    const a = valid({ ivr_call_record_d_t_o: dto, rpc_context: {} });
    const b = valid({ ivr_call_record_d_t_o: JSON.stringify(dto), rpc_context: "{}" });
    expect(a).toEqual(b);
    expect(a.rpcContext).toEqual({});
    // ids inside the JSON string stay exact
    expect(
      valid({ ivr_call_record_d_t_o: '{"call_record_id":9223372036854775807,"robot_call_job_id":1}' }).callRecordId,
    ).toBe(9223372036854775807n);
    expect(errors({ ivr_call_record_d_t_o: '{"call_record_id":' })).toEqual([
      {
        field: "ivr_call_record_d_t_o",
        message: "is not valid JSON: unexpected end of input, expected a JSON value at line 1, column 19",
      },
    ]);
    expect(errors({ ivr_call_record_d_t_o: [1] })[0]?.field).toBe("ivr_call_record_d_t_o");
  });

  it("names each bad wire field with its reason, all at once", () => {
    expect(
      errors({
        call_record_id: "abc",
        chat_duration: -1,
        start_time: "2026-03-01T08:00:00",
        intent_level_code: 1.5,
        called_phone_number: 13800138000,
        rpc_context: "[1]",
      }),
    ).toEqual([
      { field: "call_record_id", message: "must be an integer (a JSON number or a string of digits)" },
      { field: "robot_call_job_id", message: "is required" },
      { field: "called_phone_number", message: "must be a string, not a number" },
      { field: "chat_duration", message: "out of range (0 to 2147483647 of seconds)" },
      { field: "start_time", message: expect.stringMatching(/without an offset is ambiguous/) },
      { field: "intent_level_code", message: "must be a whole number" },
      { field: "rpc_context", message: "must be a JSON object (or the JSON string of one), not an array" },
    ]);
  });

  it.each([
    [0, "must be a positive integer"],
    [-3, "must be a positive integer"],
    ["9223372036854775808", "exceeds the int64 maximum 9223372036854775807"],
    [9223372036854775808n, "exceeds the int64 maximum 9223372036854775807"],
    [1e19, "is not exact as a JSON number; send ids above 2^53 as plain digits"],
    [1.5, "must be an integer"],
    [true, "must be an integer, not a boolean"],
    [null, "is required"],
  ])("rejects call_record_id %s", (id, message) => {
    expect(errors({ ...base, call_record_id: id })).toEqual([{ field: "call_record_id", message }]);
  });

  it("checks end_time against start_time", () => {
    expect(errors({ ...base, start_time: "2026-03-01 08:00:10", end_time: "2026-03-01 08:00:00" })).toEqual([
      { field: "end_time", message: "is before start_time" },
    ]);
    expect(valid({ ...base, start_time: "2026-03-01 08:00:00", end_time: "2026-03-01T00:00:00Z" }).endTime).toEqual(
      new Date("2026-03-01T00:00:00Z"),
    );
  });

  it("caps lengths and refuses what PostgreSQL cannot store", () => {
    expect(errors({ ...base, name: "x".repeat(LIMITS.name + 1) })).toEqual([
      { field: "name", message: `is longer than ${LIMITS.name} characters` },
    ]);
    expect(errors({ ...base, name: "a\u0000b" })).toEqual([
      { field: "name", message: "contains a NUL character, which cannot be stored" },
    ]);
    expect(errors({ ...base, phone_number: "\ud800" })).toEqual([
      { field: "phone_number", message: "is not valid Unicode (unpaired surrogate)" },
    ]);
    expect(errors({ ...base, rpc_context: { k: "\u0000" } })[0]?.field).toBe("rpc_context");
  });

  it("explains a record as a whole that is not an object", () => {
    expect(errors([1, 2])).toEqual([{ field: "$", message: "the record must be a JSON object, not an array" }]);
    expect(errors("x")).toEqual([{ field: "$", message: "the record must be a JSON object, not a string" }]);
  });

  it("hints at snake_case when camelCase keys were sent", () => {
    expect(errors({ callRecordId: 1, robotCallJobId: 2 })).toEqual([
      { field: "call_record_id", message: "is required (wire names are snake_case: call_record_id, not callRecordId)" },
      {
        field: "robot_call_job_id",
        message: "is required (wire names are snake_case: robot_call_job_id, not robotCallJobId)",
      },
    ]);
  });

  it("reports the id of a rejected record when it could be read", () => {
    const r = validateCallRecord({ call_record_id: "9007199254740993", chat_duration: "x" });
    expect(r.ok ? null : r.callRecordId).toBe(9007199254740993n);
  });
});

describe("contentHash", () => {
  it("is the same for the same content in any accepted form", () => {
    const a = valid(
      parseJsonExact(
        '{"call_record_id":9007199254740993,"robot_call_job_id":1,"start_time":"2026-03-01 08:00:00","rpc_context":{"a":1,"b":2}}',
      ),
    );
    const wire = {
      call_record_id: "9007199254740993",
      robot_call_job_id: "1",
      start_time: "2026-03-01T00:00:00Z",
      rpc_context: '{"b":2,"a":1}',
    };
    expect(contentHash(valid(wire))).toBe(contentHash(a));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(valid({ ...wire, chat_duration: 1 }))).not.toBe(contentHash(a));
    expect(contentHash(valid({ ...wire, rpc_context: undefined }))).not.toBe(contentHash(a));
  });
});
