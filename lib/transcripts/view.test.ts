import { describe, expect, it } from "vitest";
import { buildTranscriptView } from "./view";

describe("buildTranscriptView", () => {
  const utterances = [
    { speaker: "robot" as const, start_ms: 0, end_ms: 900, text: "您好，这里是法务中心" },
    { speaker: "callee" as const, start_ms: 1000, end_ms: 2000, text: "我的号码是13812345678" },
  ];
  it("is null without a transcript", () => {
    expect(buildTranscriptView(null, [], {})).toBeNull();
    expect(buildTranscriptView([], [], {})).toBeNull();
  });
  it("masks numbers and places findings", () => {
    const v = buildTranscriptView(
      utterances,
      [
        { code: "required_missing", detail: { rule_name: "Recording notice" } },
        { code: "prohibited_present", detail: { rule_name: "Threat", utterance: 1 } },
        { code: "prohibited_present", detail: { rule_name: "Out of range", utterance: 9 } },
      ],
      {},
    )!;
    expect(v.missing).toEqual(["Recording notice"]);
    expect(v.lines[1]!.prohibited).toEqual(["Threat"]);
    expect(v.lines[0]!.prohibited).toEqual([]);
    expect(v.lines[1]!.text).not.toContain("13812345678");
  });
});
