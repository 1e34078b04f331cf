import type { Utterance } from "./schema";

/**
 * Phrase rules against one transcript: pure, so ingest and the recheck after
 * a rule change find the same things. A required phrase must occur in at
 * least one utterance of its speaker; a prohibited one must occur in none.
 * Plain text matches case-insensitively and ignoring whitespace (speech
 * recognition spaces words unpredictably, and Chinese text has none); a regular expression
 * (already accepted by safe-pattern.ts) runs with flags `iu`.
 */

export type PhraseRuleKind = "required" | "prohibited";
export type PhraseSpeaker = "robot" | "callee" | "any";

export interface PhraseRuleDef {
  id: bigint;
  name: string;
  kind: PhraseRuleKind;
  pattern: string;
  isRegex: boolean;
  speaker: PhraseSpeaker;
  /** Empty: every job. */
  jobIds: readonly bigint[];
}

export interface PhraseFinding {
  code: "required_missing" | "prohibited_present";
  detail: {
    rule_id: string;
    rule_name: string;
    pattern: string;
    /** The utterance's position in the transcript (prohibited phrases only). */
    utterance?: number;
    start_ms?: number;
    speaker?: string;
    match?: string;
  };
}

/** One prohibited rule names at most this many utterances: enough to act on, bounded in size. */
const MAX_HITS_PER_RULE = 10;

type Matcher = (text: string) => string | null;

const normalise = (s: string) => s.replace(/\s+/g, "").toLowerCase();

export function compileMatcher(rule: Pick<PhraseRuleDef, "pattern" | "isRegex">): Matcher {
  if (rule.isRegex) {
    const re = new RegExp(rule.pattern, "iu");
    return (text) => re.exec(text)?.[0] ?? null;
  }
  const needle = normalise(rule.pattern.trim());
  return (text) => {
    const hay = normalise(text);
    const at = hay.indexOf(needle);
    return at < 0 ? null : hay.slice(at, at + needle.length);
  };
}

export interface CompiledRule extends PhraseRuleDef {
  match: Matcher;
}

export function compileRules(rules: readonly PhraseRuleDef[]): CompiledRule[] {
  return rules.map((r) => ({ ...r, match: compileMatcher(r) }));
}

export function checkTranscript(
  jobId: bigint,
  utterances: readonly Utterance[],
  rules: readonly CompiledRule[],
): PhraseFinding[] {
  const findings: PhraseFinding[] = [];
  for (const rule of rules) {
    if (rule.jobIds.length > 0 && !rule.jobIds.includes(jobId)) continue;
    const base = { rule_id: rule.id.toString(), rule_name: rule.name, pattern: rule.pattern };
    let hits = 0;
    let found = false;
    for (let i = 0; i < utterances.length; i++) {
      const u = utterances[i]!;
      if (rule.speaker !== "any" && u.speaker !== rule.speaker) continue;
      const m = rule.match(u.text);
      if (m === null) continue;
      found = true;
      if (rule.kind === "required") break;
      findings.push({
        code: "prohibited_present",
        detail: { ...base, utterance: i, start_ms: u.start_ms, speaker: u.speaker, match: m.slice(0, 200) },
      });
      if (++hits >= MAX_HITS_PER_RULE) break;
    }
    if (rule.kind === "required" && !found) findings.push({ code: "required_missing", detail: base });
  }
  return findings;
}
