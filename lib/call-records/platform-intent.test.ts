import { describe, expect, it } from "vitest";
import { correctionNotOnPlatform, platformIntent } from "./platform-intent";

const sent = (tag: string, code: number, name: string) => ({
  ivr_call_record_d_t_o: `{"call_record_id":1,"robot_call_job_id":2,"intent_level_detail_name":"${name}","intent_level_code":${code},"intent_level_tag_id":${tag}}`,
});

describe("what TOP holds for a record's intent", () => {
  const attempts = [
    { id: 3n, outcome: "transient", params: sent("9", 9, "x") },
    { id: 2n, outcome: "accepted", params: sent("9223372036854775807", 1, "有还款意愿") },
    { id: 1n, outcome: "rejected", params: sent("5", 5, "y") },
  ];

  it("reads the intent of the last accepted attempt's parameters, int64 tag ids exactly", () => {
    expect(platformIntent(attempts)).toEqual({ tagId: "9223372036854775807", code: 1, name: "有还款意愿" });
    expect(platformIntent([])).toBeNull();
  });

  it("says a correction made after acceptance is not on the platform, and nothing when it was sent or the record is not accepted", () => {
    const onPlatform = platformIntent(attempts);
    expect(correctionNotOnPlatform("accepted", { tagId: 9223372036854775807n, code: 2 }, onPlatform)).toBe(true);
    expect(correctionNotOnPlatform("accepted", { tagId: "9223372036854775807", code: 1 }, onPlatform)).toBe(false);
    expect(correctionNotOnPlatform("rejected", { tagId: 1n, code: 2 }, onPlatform)).toBe(false);
    expect(correctionNotOnPlatform("accepted", { tagId: null, code: null }, onPlatform)).toBe(false);
  });
});
