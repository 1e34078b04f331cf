import { describe, expect, it } from "vitest";
import { intentCode, intentText, isKnownResultStatus, jobText, KNOWN_RESULT_STATUSES } from "./notation";
import { DEMO_STATUS_PROFILES } from "../../dev/demo/result-status";
import en from "../i18n/messages/en/views.json";
import zh from "../i18n/messages/zh/views.json";
import enCalls from "../i18n/messages/en/calls.json";
import zhCalls from "../i18n/messages/zh/calls.json";
import zhReview from "../i18n/messages/zh/review.json";
import zhJobs from "../i18n/messages/zh/jobs.json";

describe("one notation", () => {
  it("writes an intent as its name with tagId:code, the value /calls?intent= takes", () => {
    expect(intentText({ tagId: "730001", code: 1, name: "有还款意愿" })).toBe("有还款意愿 (730001:1)");
    expect(intentText({ tagId: 730001n, code: 4, name: null })).toBe("#4 (730001:4)");
    expect(intentText({ tagId: null, code: null, name: null })).toBeNull();
    expect(intentCode(730001n, 1)).toBe("730001:1");
  });

  it("has no other intent notation left in the UI text (no 分组 / 标签组 / tagId·code variants)", () => {
    const text = JSON.stringify([enCalls, zhCalls, zhReview, zhJobs]);
    expect(text).not.toMatch(/标签组|分组 \{tagId\}|\{tagId\}·|\{tagId\} · /);
  });

  it("labels every vendor result status the demo and the protocol use, in both languages; unknown codes stay as they are", () => {
    for (const { status } of DEMO_STATUS_PROFILES) expect(isKnownResultStatus(status), status).toBe(true);
    for (const s of KNOWN_RESULT_STATUSES) {
      expect(en.resultStatus[s], s).toBeTruthy();
      expect(zh.resultStatus[s], s).toBeTruthy();
    }
    expect(zh.resultStatus.CAN_NOT_CONNECT).toBe("无法接通");
    expect(isKnownResultStatus("VENDOR_NEW_CODE")).toBe(false);
  });

  it("names a job beside its id", () => {
    expect(jobText(9007199254741820n, "催收 11 月")).toBe("催收 11 月 (9007199254741820)");
    expect(jobText("3739662345", null)).toBe("3739662345");
  });
});
