import { maskText, type KnownPersonalData } from "../privacy/redact";
import type { Speaker, Utterance } from "./schema";

/**
 * A record's transcript as the record page and the review workbench show it:
 * the utterances with personal data masked (the text is what speech
 * recognition heard, and callees say their numbers), the required phrases
 * that were missing, and the prohibited ones on the utterance they were heard in.
 */
export interface TranscriptLine {
  speaker: Speaker;
  startMs: number;
  endMs: number;
  text: string;
  /** Names of the prohibited-phrase rules this utterance broke. */
  prohibited: string[];
}

export interface TranscriptView {
  lines: TranscriptLine[];
  /** Names of the required-phrase rules no utterance met. */
  missing: string[];
}

interface FindingRow {
  code: string;
  detail: unknown;
}

function detailOf(d: unknown): { rule_name?: unknown; utterance?: unknown } {
  return d && typeof d === "object" ? (d as { rule_name?: unknown; utterance?: unknown }) : {};
}

export function buildTranscriptView(
  utterances: readonly Utterance[] | null,
  findings: readonly FindingRow[],
  known: KnownPersonalData,
): TranscriptView | null {
  if (!utterances || utterances.length === 0) return null;
  const lines: TranscriptLine[] = utterances.map((u) => ({
    speaker: u.speaker,
    startMs: u.start_ms,
    endMs: u.end_ms,
    text: maskText(u.text, known),
    prohibited: [],
  }));
  const missing: string[] = [];
  for (const f of findings) {
    const d = detailOf(f.detail);
    const name = typeof d.rule_name === "string" ? d.rule_name : "?";
    if (f.code === "required_missing") {
      if (!missing.includes(name)) missing.push(name);
    } else if (f.code === "prohibited_present" && typeof d.utterance === "number") {
      const line = lines[d.utterance];
      if (line && !line.prohibited.includes(name)) line.prohibited.push(name);
    }
  }
  return { lines, missing };
}
