import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIO_ERROR_CODES } from "@/components/audio/audio-error";
import en from "../i18n/messages/en/views.json";
import zh from "../i18n/messages/zh/views.json";
import { openRecording } from "./recording";

describe("recording errors in the user's language", () => {
  it("answer with a code and the details the sentence needs (not only an English message)", async () => {
    const res = await openRecording("https://example.invalid/a.mp3", {
      range: null,
      ownOrigins: ["http://127.0.0.1:3000"],
      allowedHosts: [],
      publicDir: path.resolve("public"),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      error: { code: "host_not_allowed", details: { host: "example.invalid" } },
    });
  });

  it("have a sentence in both languages for every code the audio route gives", () => {
    const source = readFileSync(path.resolve("lib/audio/recording.ts"), "utf8");
    const codes = new Set(
      [...source.matchAll(/(?:RecordingUnavailable\(\d+,|unavailable\(\d+,)\s*(?:[^,"]*\?\s*)?"([a-z_]+)"/g)].map(
        (m) => m[1]!,
      ),
    );
    for (const m of source.matchAll(/"(refused|upstream_failed)"/g)) codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) {
      expect(AUDIO_ERROR_CODES, code).toContain(code);
      expect((en.audioError as Record<string, string>)[code], code).toBeTruthy();
      expect((zh.audioError as Record<string, string>)[code], code).toBeTruthy();
    }
    expect(zh.audioError.host_not_allowed).toContain("{host}");
  });
});
