import { describe, expect, it } from "vitest";
import { classifyAnswer } from "./classify";
import { decodeEntities, parseTopAnswer } from "./parse-response";

describe("parseTopAnswer", () => {
  it("reads a wrapped JSON success", () => {
    const body =
      '{"alibaba_lvms_lvr_receivecallrecord_response":{"lvms_result_d_t_o":{"count":1,"success":true,"code":"0","message":"ok"},"request_id":"yf8dnp04zc0"}}';
    expect(parseTopAnswer(body, "application/json;charset=UTF-8")).toEqual({
      ok: true,
      result: { count: 1, success: true, code: "0", message: "ok" },
      requestId: "yf8dnp04zc0",
    });
  });

  it("reads a simplified JSON answer and a business rejection", () => {
    const body =
      '{"lvms_result_d_t_o":{"count":0,"success":false,"code":"E1","message":"案件不存在"},"request_id":"r1"}';
    const parsed = parseTopAnswer(body);
    expect(parsed).toEqual({
      ok: true,
      result: { count: 0, success: false, code: "E1", message: "案件不存在" },
      requestId: "r1",
    });
    expect(classifyAnswer(parsed as never)).toEqual({ kind: "rejected" });
  });

  it("reads a JSON error_response and decodes entities in sub_msg", () => {
    const body =
      '{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"parameter &apos;name&apos; &amp; &#20013;","request_id":"ej6ptuzf712n"}}';
    expect(parseTopAnswer(body)).toEqual({
      ok: true,
      error: {
        code: 15,
        msg: "Remote service error",
        sub_code: "isv.invalid-parameter",
        sub_msg: "parameter 'name' & 中",
      },
      requestId: "ej6ptuzf712n",
    });
  });

  it("reads XML success and XML errors", () => {
    const ok =
      '<?xml version="1.0" encoding="utf-8" ?><alibaba_lvms_lvr_receivecallrecord_response><lvms_result_d_t_o><count>1</count><success>true</success><code>0</code><message>ok</message></lvms_result_d_t_o><request_id>x1</request_id></alibaba_lvms_lvr_receivecallrecord_response>';
    expect(parseTopAnswer(ok, "text/xml")).toEqual({
      ok: true,
      result: { count: 1, success: true, code: "0", message: "ok" },
      requestId: "x1",
    });
    const err =
      "<error_response><code>7</code><msg>App Call Limited</msg><sub_code>accesscontrol.limited-by-app-access-count</sub_code><sub_msg>This ban will last for 2 more seconds</sub_msg><request_id>x2</request_id></error_response>";
    const parsed = parseTopAnswer(err);
    expect(parsed).toEqual({
      ok: true,
      error: {
        code: 7,
        msg: "App Call Limited",
        sub_code: "accesscontrol.limited-by-app-access-count",
        sub_msg: "This ban will last for 2 more seconds",
      },
      requestId: "x2",
    });
    expect(classifyAnswer(parsed as never)).toEqual({ kind: "transient", retryAfterMs: 2000 });
  });

  it("refuses garbage, truncated JSON, empty bodies and unknown shapes", () => {
    expect(parseTopAnswer("<html><body>502</body></html>")).toMatchObject({ ok: false });
    expect(
      parseTopAnswer('{"alibaba_lvms_lvr_receivecallrecord_response":{"lvms_result_d_t_o":{"count":1,"succ'),
    ).toEqual({ ok: false, reason: "malformed JSON" });
    expect(parseTopAnswer("")).toEqual({ ok: false, reason: "empty body" });
    expect(parseTopAnswer('{"something_else":{}}')).toEqual({
      ok: false,
      reason: "no lvms_result_d_t_o in the answer",
    });
    expect(parseTopAnswer('{"error_response":{"msg":"no code"}}')).toMatchObject({ ok: false });
  });

  it("decodes named and numeric entities, and leaves unknown ones alone", () => {
    expect(decodeEntities("&lt;a&gt; &quot;b&quot; &#x4e2d; &bogus;")).toBe('<a> "b" 中 &bogus;');
  });
});
