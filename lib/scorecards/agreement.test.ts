import { describe, expect, it } from "vitest";
import { calibrationAgreement } from "./agreement";
import { TEST_SECTIONS } from "../../dev/testing/scorecard-fixture";

describe("calibrationAgreement", () => {
  it("is the share of (call, item) pairs on which every submitted reviewer gave the same answer", () => {
    const a = { firm_named: "pass", tone: 4, recorded: "pass", no_threats: 3 } as const;
    const r = calibrationAgreement(TEST_SECTIONS, [
      { recordId: "1", reviewerId: "r1", answers: a },
      { recordId: "1", reviewerId: "r2", answers: { ...a, tone: 3 } },
      { recordId: "1", reviewerId: "r3", answers: { ...a, tone: 3, recorded: "na" } },
      // Call 2: one reviewer has not submitted; the two who did agree everywhere.
      { recordId: "2", reviewerId: "r1", answers: a },
      { recordId: "2", reviewerId: "r2", answers: a },
      { recordId: "2", reviewerId: "r3", answers: null },
    ]);
    // 8 pairs compared; call 1 differs on tone and recorded.
    expect(r).toMatchObject({ compared: 8, agreed: 6, rate: 0.75 });
    expect(r.items.filter((i) => i.agree === false).map((i) => `${i.recordId}:${i.itemKey}`)).toEqual([
      "1:tone",
      "1:recorded",
    ]);
    expect(r.items.find((i) => i.recordId === "1" && i.itemKey === "tone")?.answers).toEqual({ r1: 4, r2: 3, r3: 3 });
  });

  it("compares nothing where fewer than two reviewers submitted", () => {
    const r = calibrationAgreement(TEST_SECTIONS, [
      { recordId: "1", reviewerId: "r1", answers: { firm_named: "pass", tone: 4, recorded: "pass", no_threats: 3 } },
      { recordId: "1", reviewerId: "r2", answers: null },
    ]);
    expect(r).toMatchObject({ compared: 0, agreed: 0, rate: null });
    expect(r.items.every((i) => i.agree === null)).toBe(true);
  });
});
