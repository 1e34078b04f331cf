import { describe, isJsonObject, parseText } from "../call-records/field-parsers";

/**
 * Ingest's optional `transcript` (the console's own field, never sent to TOP):
 * `[{ "speaker": "robot" | "callee", "start_ms", "end_ms", "text" }]`, what the
 * robot said and what its speech recognition heard, in order. Validated here
 * so that whatever passes can be stored and checked; each problem names the
 * utterance and its field (`transcript[3].end_ms`), as a record's other errors do.
 */

export const SPEAKERS = ["robot", "callee"] as const;
export type Speaker = (typeof SPEAKERS)[number];

export interface Utterance {
  speaker: Speaker;
  start_ms: number;
  end_ms: number;
  text: string;
}

export const TRANSCRIPT_LIMITS = {
  /** Utterances per call: a long call of short turns stays far below it. */
  utterances: 1000,
  /** Characters per utterance. */
  text: 2000,
  /** Milliseconds into the call: 24 hours. */
  ms: 86_400_000,
} as const;

/** As a record's field errors (lib/call-records/schema.ts), which import this file. */
interface FieldError {
  field: string;
  message: string;
}

/** Errors stop at this many: one bad export would otherwise name every utterance. */
const MAX_ERRORS = 20;

/**
 * undefined: the record carried no `transcript` (a stored one stays);
 * null or []: no transcript (a stored one is removed); else the utterances.
 */
export type TranscriptInput = Utterance[] | null | undefined;

export function parseTranscript(
  v: unknown,
): { ok: true; value: TranscriptInput } | { ok: false; errors: FieldError[] } {
  if (v === undefined) return { ok: true, value: undefined };
  if (v === null) return { ok: true, value: null };
  if (!Array.isArray(v))
    return {
      ok: false,
      errors: [{ field: "transcript", message: `must be an array of utterances, not ${describe(v)}` }],
    };
  if (v.length > TRANSCRIPT_LIMITS.utterances)
    return {
      ok: false,
      errors: [{ field: "transcript", message: `holds more than ${TRANSCRIPT_LIMITS.utterances} utterances` }],
    };
  if (v.length === 0) return { ok: true, value: null };
  const errors: FieldError[] = [];
  const out: Utterance[] = [];
  let previousStart = 0;
  for (let i = 0; i < v.length && errors.length < MAX_ERRORS; i++) {
    const at = (name: string) => `transcript[${i}]${name ? `.${name}` : ""}`;
    const u: unknown = v[i];
    if (!isJsonObject(u)) {
      errors.push({ field: at(""), message: `must be an object, not ${describe(u)}` });
      continue;
    }
    const before = errors.length;
    const speaker = u.speaker;
    if (typeof speaker !== "string" || !(SPEAKERS as readonly string[]).includes(speaker))
      errors.push({ field: at("speaker"), message: `must be "robot" or "callee"` });
    const start = milliseconds(u.start_ms);
    if (typeof start === "string") errors.push({ field: at("start_ms"), message: start });
    const end = milliseconds(u.end_ms);
    if (typeof end === "string") errors.push({ field: at("end_ms"), message: end });
    else if (typeof start === "number" && end < start)
      errors.push({ field: at("end_ms"), message: "is before start_ms" });
    if (typeof start === "number" && start < previousStart)
      errors.push({
        field: at("start_ms"),
        message: "is before the previous utterance's start_ms (keep them in order)",
      });
    const text = typeof u.text === "string" && u.text.trim() === "" ? null : parseText(u.text, TRANSCRIPT_LIMITS.text);
    if (text === null || u.text === undefined || u.text === null)
      errors.push({ field: at("text"), message: "is required" });
    else if (!text.ok) errors.push({ field: at("text"), message: text.message });
    if (typeof start === "number") previousStart = start;
    if (errors.length > before || typeof start !== "number" || typeof end !== "number" || !text?.ok) continue;
    out.push({ speaker: speaker as Speaker, start_ms: start, end_ms: end, text: text.value });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

function milliseconds(v: unknown): number | string {
  if (v === undefined || v === null) return "is required";
  if (typeof v !== "number") return `must be an integer number of milliseconds, not ${describe(v)}`;
  if (!Number.isInteger(v)) return "must be a whole number of milliseconds";
  if (v < 0) return "must be 0 or more";
  if (v > TRANSCRIPT_LIMITS.ms) return `must be at most ${TRANSCRIPT_LIMITS.ms} (24 hours)`;
  return v;
}

/** The text q= searches: the utterances joined, one per line. */
export function transcriptSearchText(utterances: readonly Utterance[]): string {
  return utterances.map((u) => u.text).join("\n");
}
