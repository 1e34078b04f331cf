import { describe, expect, it } from "vitest";
import { banSeconds, classifyAnswer } from "./classify";

const error = (code: number, sub_code?: string, sub_msg?: string) => ({
  error: { code, msg: "m", ...(sub_code ? { sub_code } : {}), ...(sub_msg ? { sub_msg } : {}) },
});

describe("classifyAnswer", () => {
  it("accepts only success:true without an error_response", () => {
    expect(classifyAnswer({ result: { success: true, count: 1 } })).toEqual({ kind: "accepted" });
    expect(classifyAnswer({ result: { success: false, code: "E" } })).toEqual({ kind: "rejected" });
    expect(classifyAnswer({})).toEqual({ kind: "transient" });
  });

  it.each([
    [3, "rejected"],
    [4, "transient"],
    [5, "transient"],
    [6, "transient"],
    [7, "transient"],
    [8, "transient"],
    [9, "config"],
    [10, "transient"],
    [11, "config"],
    [12, "config"],
    [13, "config"],
    [15, "transient"],
    [21, "config"],
    [22, "config"],
    [23, "config"],
    [24, "config"],
    [25, "config"],
    [26, "config"],
    [27, "config"],
    [28, "config"],
    [29, "config"],
    [30, "config"],
    [31, "config"],
    [32, "config"],
    [33, "config"],
    [34, "config"],
    [40, "rejected"],
    [41, "rejected"],
    [42, "config"],
    [43, "rejected"],
    [50, "transient"],
  ] as const)("code %i is %s", (code, kind) => {
    expect(classifyAnswer(error(code)).kind).toBe(kind);
  });

  it("lets the sub code family decide for remote service errors", () => {
    expect(classifyAnswer(error(15, "isv.invalid-parameter", "非法参数"))).toEqual({ kind: "rejected" });
    expect(classifyAnswer(error(50, "isv.invalid-parameter"))).toEqual({ kind: "rejected" });
    expect(classifyAnswer(error(15, "isp.top-remote-connection-timeout"))).toEqual({ kind: "transient" });
    expect(classifyAnswer(error(15, "isp.unknown-error"))).toEqual({ kind: "transient" });
    expect(classifyAnswer(error(15, "isv.appkey-not-exists"))).toEqual({ kind: "config" });
  });

  it("honours the ban length of a rate limit", () => {
    expect(
      classifyAnswer(error(7, "accesscontrol.limited-by-app-access-count", "This ban will last for 17 more seconds")),
    ).toEqual({ kind: "transient", retryAfterMs: 17_000 });
    expect(banSeconds("This ban will last for 1 more second")).toBe(1000);
    expect(banSeconds("nothing here")).toBeUndefined();
  });
});
