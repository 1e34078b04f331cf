import { describe, expect, it } from "vitest";
import { checkRegexPattern, MAX_PATTERN_LENGTH } from "./safe-pattern";

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
    ["(a+)+$", "may not repeat a group"],
    ["(a|a)*b", "may not repeat a group"],
    ["(?:ab)+", "may not repeat a group"],
    ["(a*)?b", "may not nest quantifiers inside an optional group"],
    ["a.*b.*c", "may use at most one unbounded repetition"],
    ["a{0,500}", "may not repeat more than 50 times"],
    ["a?b?c?d?e?", "may use at most 4 repetitions"],
    ["(a)\\1", "may not use back-references"],
    ["(?<x>a)\\k<x>", "may not use back-references"],
    ["foo(?=bar)", "may not use lookaround"],
    ["(?<!no)pay", "may not use lookaround"],
    ["(unclosed", "is not a valid regular expression"],
    ["", "is empty"],
    ["x".repeat(MAX_PATTERN_LENGTH + 1), "is longer than"],
  ])("refuses %s", (p, message) => {
    const r = checkRegexPattern(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});
