import { afterEach, describe, expect, it, vi } from "vitest";
import en from "../i18n/messages/en/transcripts.json";
import zh from "../i18n/messages/zh/transcripts.json";
import { checkRegexPattern, MAX_PATTERN_LENGTH, PATTERN_REASONS } from "./safe-pattern";

describe("checkRegexPattern", () => {
  it.each([
    "本次通话(将)?被录音",
    "(诚信|信达)律师事务所",
    "上门.{0,4}找你",
    "\\bidiot\\b",
    "[0-9]{3}-?[0-9]{4}",
    "\\p{Script=Han}{2}律师",
    "(?:you|u) (?:will|gonna) pay",
    "warn.*police",
  ])("accepts %s", (p) => {
    expect(checkRegexPattern(p)).toEqual({ ok: true });
  });

  it.each([
    ["(a+)+$", "may not repeat a group", "repeated_group"],
    ["(a|a)*b", "may not repeat a group", "repeated_group"],
    ["(?:ab)+", "may not repeat a group", "repeated_group"],
    ["(a*)?b", "may not nest quantifiers inside an optional group", "nested_quantifier"],
    ["a.*b.*c", "may use at most one unbounded repetition", "too_many_unbounded"],
    ["a{0,500}", "may not repeat more than 50 times", "repeat_too_large"],
    ["a?b?c?d?e?", "may use at most 4 repetitions", "too_many_repetitions"],
    ["(a)\\1", "may not use back-references", "back_reference"],
    ["(?<x>a)\\k<x>", "may not use back-references", "back_reference"],
    ["foo(?=bar)", "may not use lookaround", "lookaround"],
    ["(?<!no)pay", "may not use lookaround", "lookaround"],
    ["(unclosed", "is not a valid regular expression", "invalid"],
    ["", "is empty", "empty"],
    ["x".repeat(MAX_PATTERN_LENGTH + 1), "is longer than", "too_long"],
  ])("refuses %s", (p, message, reason) => {
    const r = checkRegexPattern(p);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(message);
      // The page says it by this code, in its own language.
      expect(r.reason).toBe(reason);
    }
  });

  it("gives the numbers its reasons name", () => {
    expect(checkRegexPattern("x".repeat(MAX_PATTERN_LENGTH + 1))).toMatchObject({
      values: { max: MAX_PATTERN_LENGTH },
    });
    expect(checkRegexPattern("a{0,500}")).toMatchObject({ values: { max: 50 } });
    expect(checkRegexPattern("a?b?c?d?e?")).toMatchObject({ values: { max: 4 } });
  });

  it("has a text for every reason in both languages", () => {
    for (const messages of [en, zh])
      expect(Object.keys(messages.rules.reasons).sort()).toEqual([...PATTERN_REASONS].sort());
  });
});

describe("the time budget on a busy server", () => {
  afterEach(() => vi.restoreAllMocks());
  /** performance.now() as a clock that jumps `stallMs` during the given probe runs (each run reads it twice). */
  const stallDuring = (runs: number[], stallMs: number) => {
    let reads = 0;
    let offset = 0;
    const real = performance.now.bind(performance);
    vi.spyOn(performance, "now").mockImplementation(() => {
      const run = Math.floor(reads / 2);
      if (reads % 2 === 1 && runs.includes(run)) offset += stallMs;
      reads += 1;
      return real() + offset;
    });
  };

  it("accepts a sound pattern that one run found slow (a stall of the server, not of the pattern)", () => {
    stallDuring([0], 1_000);
    expect(checkRegexPattern("上门.{0,4}找你")).toEqual({ ok: true });
  });

  it("refuses a pattern that every run finds slow", () => {
    stallDuring([0, 1, 2], 1_000);
    expect(checkRegexPattern("上门.{0,4}找你")).toMatchObject({ ok: false, reason: "too_slow" });
  });
});
