import { describe, expect, it } from "vitest";
import { TEST_SECTIONS } from "../../dev/testing/scorecard-fixture";
import { scoreAnswers } from "./score";

describe("scoreAnswers", () => {
  it("earns a pass/fail item's weight on pass and a scale item's points, over the items not n/a", () => {
    // earned 10 + 4 + 0 + 3 = 17 of 10 + 5 + 20 + 3 = 38
    const r = scoreAnswers(TEST_SECTIONS, { firm_named: "pass", tone: 4, recorded: "fail", no_threats: 3 });
    expect(r).toEqual({ score: 44.74, criticalFailed: false, earned: 17, possible: 38 });
  });

  it("leaves n/a items out of what was possible", () => {
    const r = scoreAnswers(TEST_SECTIONS, { firm_named: "pass", tone: "na", recorded: "na", no_threats: 2 });
    expect(r).toMatchObject({ earned: 12, possible: 13, score: 92.31 });
  });

  it("rounds to two decimals (2/3 is 66.67) and is null when every item is n/a", () => {
    const thirds = [
      { key: "s", title: "S", items: [{ key: "a", label: "A", kind: "scale" as const, weight: 3, critical: false }] },
    ];
    expect(scoreAnswers(thirds, { a: 2 }).score).toBe(66.67);
    expect(scoreAnswers(TEST_SECTIONS, { firm_named: "na", tone: "na", recorded: "na", no_threats: "na" })).toEqual({
      score: null,
      criticalFailed: false,
      earned: 0,
      possible: 0,
    });
  });

  it("fails the call on a critical pass/fail item's fail or a critical scale item's 0, whatever the score", () => {
    const failed = scoreAnswers(TEST_SECTIONS, { firm_named: "fail", tone: 5, recorded: "pass", no_threats: 3 });
    expect(failed).toMatchObject({ criticalFailed: true, score: 73.68 });
    expect(scoreAnswers(TEST_SECTIONS, { firm_named: "pass", tone: 5, recorded: "pass", no_threats: 0 })).toMatchObject(
      {
        criticalFailed: true,
      },
    );
    // A non-critical item's fail or 0 does not.
    expect(scoreAnswers(TEST_SECTIONS, { firm_named: "pass", tone: 0, recorded: "fail", no_threats: 1 })).toMatchObject(
      {
        criticalFailed: false,
      },
    );
    // n/a on a critical item is not a failure.
    expect(
      scoreAnswers(TEST_SECTIONS, { firm_named: "na", tone: 5, recorded: "pass", no_threats: "na" }),
    ).toMatchObject({
      criticalFailed: false,
      score: 100,
    });
  });
});
