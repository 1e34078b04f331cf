import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEMO_AUDIO_CLIPS } from "./audio-manifest";
import { DEMO_INTENT_GROUPS } from "./intents";

const DIR = fileURLToPath(new URL("../../public/demo-audio", import.meta.url));
const CBR_BYTES_PER_SECOND = 24_000 / 8; // the script encodes 24 kbit/s CBR

describe("demo audio manifest", () => {
  it("lists 5-8 clips, every .mp3 in public/demo-audio and nothing else", () => {
    expect(DEMO_AUDIO_CLIPS.length).toBeGreaterThanOrEqual(5);
    expect(DEMO_AUDIO_CLIPS.length).toBeLessThanOrEqual(8);
    const onDisk = readdirSync(DIR)
      .filter((f) => f.endsWith(".mp3"))
      .sort();
    expect(DEMO_AUDIO_CLIPS.map((c) => c.file).sort()).toEqual(onDisk);
    expect(statSync(path.join(DIR, "README.md")).isFile()).toBe(true);
  });

  it.each(DEMO_AUDIO_CLIPS.map((c) => [c.file, c] as const))("%s is a small MP3 of the stated length", (file, clip) => {
    const bytes = readFileSync(path.join(DIR, file));
    expect(bytes.length).toBeLessThan(150 * 1024);
    // MPEG audio frame sync (11 set bits) at the start: no ID3 tag, a bare Layer III stream.
    expect(bytes[0]).toBe(0xff);
    expect((bytes[1] ?? 0) & 0xe0).toBe(0xe0);
    expect(clip.contentType).toBe("audio/mpeg");
    expect(clip.durationSeconds).toBeGreaterThanOrEqual(8);
    expect(clip.durationSeconds).toBeLessThanOrEqual(25);
    // CBR, so the size gives the length back; catches a manifest out of step with the files.
    expect(Math.abs(bytes.length / CBR_BYTES_PER_SECOND - clip.durationSeconds)).toBeLessThan(0.5);
  });

  it("ties each clip to an intent level that exists in its group", () => {
    for (const clip of DEMO_AUDIO_CLIPS) {
      const group = DEMO_INTENT_GROUPS[clip.intent.group];
      expect(group.levels.map((l) => l.code)).toContain(clip.intent.code);
      expect(clip.title).toContain(group.levels.find((l) => l.code === clip.intent.code)?.name ?? "?");
    }
  });
});
