import { describe, expect, it } from "vitest";
import { maskJson, maskText, maskTopParams, REDACTED, storableTopParams } from "./redact";

const known = { phone: "13912345678", name: "王小明" };

describe("maskTopParams", () => {
  it("masks the DTO's number and name, replaces credentials and keeps the rest", () => {
    const dto = JSON.stringify({
      call_record_id: 9007199254740993,
      called_phone_number: "13912345678",
      name: "王小明",
      properties: '{"contact":"王小明 13912345678"}',
      phone_number: "057188880000",
    });
    const out = maskTopParams(
      {
        method: "alibaba.lvms.lvr.receivecallrecord",
        session: "6100c0ffee",
        sign: "ABCDEF",
        app_key: "12345",
        ivr_call_record_d_t_o: dto,
      },
      known,
    );
    expect(out.method).toBe("alibaba.lvms.lvr.receivecallrecord");
    expect(out.app_key).toBe("12345");
    expect(out.session).toBe(REDACTED);
    expect(out.sign).toBe(REDACTED);
    const text = JSON.stringify(out);
    expect(text).not.toContain("13912345678");
    expect(text).not.toContain("王小明");
    expect(text).not.toContain("6100c0ffee");
    expect(JSON.parse(out.ivr_call_record_d_t_o!)).toMatchObject({
      called_phone_number: "139****5678",
      name: "王**",
      phone_number: "057188880000",
    });
  });

  it("masks a DTO it cannot parse as text", () => {
    expect(
      maskTopParams({ ivr_call_record_d_t_o: '{"called_phone_number":"13912345678","name":"王小明"' }, known)
        .ivr_call_record_d_t_o,
    ).not.toMatch(/13912345678|王小明/);
  });

  it("answers nothing for what is not an object", () => {
    expect(maskTopParams(null)).toEqual({});
    expect(maskTopParams(["x"])).toEqual({});
  });
});

describe("maskText", () => {
  it("masks the record's own values and any mobile number, leaving ids alone", () => {
    expect(maskText("isv.invalid-parameter: 王小明 13912345678 +8613800001111 id 4000000000000000001", known)).toBe(
      "isv.invalid-parameter: 王** 139****5678 +86****1111 id 4000000000000000001",
    );
  });
});

describe("maskJson", () => {
  it("masks numbers in every string and credential keys at any depth", () => {
    expect(
      maskJson({
        reason: "called 13912345678",
        nested: [{ calledPhoneNumber: "13800001111", token: "t0ps3cret" }],
        n: 3,
      }),
    ).toEqual({
      reason: "called 139****5678",
      nested: [{ calledPhoneNumber: "138****1111", token: REDACTED }],
      n: 3,
    });
  });
});

describe("storableTopParams", () => {
  it("drops the session", () => {
    expect(storableTopParams({ method: "m", session: "s", sign: "x" })).toEqual({ method: "m", sign: "x" });
  });
});
