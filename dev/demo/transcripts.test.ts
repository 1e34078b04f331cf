import { describe, expect, it } from "vitest";
import { parseTranscript } from "../../lib/transcripts/schema";
import { DEMO_AUDIO_CLIPS } from "./audio-manifest";
import { clipUtterances } from "./transcripts";

describe("demo transcripts", () => {
  it("follow each recording's words, in order, within its duration, and pass ingest's validation", () => {
    for (const clip of DEMO_AUDIO_CLIPS) {
      const utterances = clipUtterances(clip);
      const lines = clip.transcript.split("\n").filter(Boolean);
      expect(utterances).toHaveLength(lines.length);
      expect(utterances.map((u) => u.text)).toEqual(lines.map((l) => l.replace(/^[^：]+：/, "")));
      expect(utterances[0]!.speaker).toBe("robot");
      for (let i = 0; i < utterances.length; i++) {
        const u = utterances[i]!;
        expect(u.end_ms).toBeGreaterThan(u.start_ms);
        expect(u.end_ms).toBeLessThanOrEqual(clip.durationSeconds * 1000);
        if (i > 0) expect(u.start_ms).toBeGreaterThan(utterances[i - 1]!.end_ms);
      }
      expect(parseTranscript(utterances)).toEqual({ ok: true, value: utterances });
    }
  });

  it("maps the manifest's speaker names", () => {
    const u = clipUtterances({ durationSeconds: 10, transcript: "机器人：您好。\n客户：你好。" });
    expect(u.map((x) => x.speaker)).toEqual(["robot", "callee"]);
  });
});

describe("demo records", () => {
  it("carry a transcript exactly when they carry a recording", async () => {
    const { generateDemoRecords } = await import("./generate");
    const records = [
      ...generateDemoRecords({
        seed: 7,
        now: new Date("2026-11-24T00:00:00Z"),
        records: 500,
        audioBaseUrl: "http://x",
      }),
    ];
    expect(records.some((r) => r.transcript)).toBe(true);
    for (const r of records) expect(Boolean(r.transcript)).toBe(Boolean(r.full_audio_url));
  });
});
