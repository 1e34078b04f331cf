import { describe, expect, it } from "vitest";
import { TEST_SECTIONS } from "../../dev/testing/scorecard-fixture";
import { answersProblem, sectionsSchema } from "./schema";

const item = { key: "a", label: "A", kind: "passfail" as const, weight: 10, critical: false };

describe("sectionsSchema", () => {
  it("takes the contract's example", () => {
    expect(sectionsSchema.safeParse(TEST_SECTIONS).success).toBe(true);
  });

  it("refuses repeated item keys across sections, and repeated section keys", () => {
    const r = sectionsSchema.safeParse([
      { key: "one", title: "One", items: [item] },
      { key: "one", title: "Two", items: [item] },
    ]);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["1.key", "repeats one"],
      ["1.items.0.key", "repeats a"],
    ]);
  });

  it("refuses weights out of 1..100 or not whole, an unknown kind, empty sections and bad keys", () => {
    for (const bad of [
      { weight: 0 },
      { weight: 101 },
      { weight: 2.5 },
      { kind: "weight" },
      { key: "Bad key" },
      { label: " " },
    ])
      expect(
        sectionsSchema.safeParse([{ key: "s", title: "S", items: [{ ...item, ...bad }] }]).success,
        JSON.stringify(bad),
      ).toBe(false);
    expect(sectionsSchema.safeParse([]).success).toBe(false);
    expect(sectionsSchema.safeParse([{ key: "s", title: "S", items: [] }]).success).toBe(false);
  });
});

describe("answersProblem", () => {
  const full = { firm_named: "pass", tone: 5, recorded: "na", no_threats: 0 } as const;
  it("accepts every item answered within range", () => {
    expect(answersProblem(TEST_SECTIONS, full)).toBeNull();
  });
  it("names the first item that is missing, of the wrong kind, out of range, or unknown", () => {
    expect(answersProblem(TEST_SECTIONS, { ...full, tone: undefined as never })).toBe("tone: not answered");
    expect(answersProblem(TEST_SECTIONS, { ...full, tone: 6 })).toBe("tone: at most 5");
    expect(answersProblem(TEST_SECTIONS, { ...full, tone: "pass" })).toBe("tone: answer 0 to 5 or n/a");
    expect(answersProblem(TEST_SECTIONS, { ...full, firm_named: 1 })).toBe("firm_named: answer pass, fail or n/a");
    expect(answersProblem(TEST_SECTIONS, { ...full, extra: "pass" })).toBe("extra: no such item");
  });
});
