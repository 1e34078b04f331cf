import type { Utterance } from "../../lib/transcripts/schema";
import type { DemoAudioClip } from "./audio-clip";

/**
 * A demo recording's transcript, built from what the manifest says it says:
 * one utterance per line of `transcript` ("机器人：…" is the robot, "客户：…"
 * the callee). espeak-ng reads at an even pace, so each line gets a share of
 * the recording proportional to its characters, with a short pause between
 * turns; the last utterance ends within the recording.
 */

const SPEAKER_OF: Record<string, Utterance["speaker"]> = { 机器人: "robot", 客户: "callee" };
/** Silence before the first word and between turns, in milliseconds. */
const LEAD_MS = 300;
const PAUSE_MS = 400;

export function clipUtterances(clip: Pick<DemoAudioClip, "durationSeconds" | "transcript">): Utterance[] {
  const lines = clip.transcript
    .split("\n")
    .map((line) => /^\s*([^：:]+)[：:]\s*(.+?)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ speaker: SPEAKER_OF[m[1]!.trim()] ?? "robot", text: m[2]! }));
  if (lines.length === 0) return [];
  const totalMs = Math.floor(clip.durationSeconds * 1000);
  const speakingMs = Math.max(lines.length, totalMs - LEAD_MS - PAUSE_MS * lines.length);
  const chars = lines.reduce((n, l) => n + [...l.text].length, 0);
  const out: Utterance[] = [];
  let at = LEAD_MS;
  for (const l of lines) {
    const length = Math.max(1, Math.floor((speakingMs * [...l.text].length) / chars));
    const end = Math.min(totalMs, at + length);
    out.push({ speaker: l.speaker, start_ms: Math.min(at, end), end_ms: end, text: l.text });
    at = end + PAUSE_MS;
  }
  return out;
}

/** Per clip file, built once: the generator hands the same array to every record that plays it. */
export function transcriptsByFile(clips: readonly DemoAudioClip[]): Map<string, Utterance[]> {
  return new Map(clips.map((c) => [c.file, clipUtterances(c)]));
}
