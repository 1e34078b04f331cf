import { describe, expect, it } from "vitest";
import { checkTranscript, compileRules, type PhraseRuleDef } from "./phrase-check";

const rule = (over: Partial<PhraseRuleDef>): PhraseRuleDef => ({
  id: 1n,
  name: "r",
  kind: "prohibited",
  pattern: "x",
  isRegex: false,
  speaker: "any",
  jobIds: [],
  ...over,
});
const u = (speaker: "robot" | "callee", text: string, start_ms = 0) => ({ speaker, text, start_ms, end_ms: start_ms });

describe("checkTranscript", () => {
  it("caps a prohibited rule at ten utterances and names each", () => {
    const many = Array.from({ length: 15 }, (_, i) => u("robot", `bad ${i}`, i));
    const found = checkTranscript(1n, many, compileRules([rule({ pattern: "BAD" })]));
    expect(found).toHaveLength(10);
    expect(found[9]!.detail).toMatchObject({ utterance: 9, start_ms: 9, match: "bad" });
  });

  it("applies a rule only to its jobs and its speaker", () => {
    const rules = compileRules([
      rule({ kind: "required", pattern: "notice", speaker: "robot", jobIds: [7n] }),
      rule({ id: 2n, pattern: "oops", speaker: "callee" }),
    ]);
    const t = [u("callee", "notice"), u("robot", "oops")];
    expect(checkTranscript(7n, t, rules).map((f) => f.code)).toEqual(["required_missing"]);
    expect(checkTranscript(8n, t, rules)).toEqual([]);
  });
});
