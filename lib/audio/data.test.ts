import { describe, expect, it } from "vitest";
import { recordingStatus } from "./data";

describe("where a recording plays from", () => {
  const base = "http://127.0.0.1:3000";
  it("calls the console's own demo files local, not a vendor link waiting for the archiver", () => {
    expect(recordingStatus({ fullAudioUrl: `${base}/demo-audio/debt-promise.mp3`, archive: null }, base)).toBe("local");
  });
  it("keeps a vendor's link, another origin or another path live until it is archived", () => {
    expect(recordingStatus({ fullAudioUrl: "https://vendor.example/demo-audio/x.mp3", archive: null }, base)).toBe(
      "live",
    );
    expect(recordingStatus({ fullAudioUrl: `${base}/api/other.mp3`, archive: null }, base)).toBe("live");
    expect(recordingStatus({ fullAudioUrl: `${base}/demo-audio/x.mp3`, archive: null }, undefined)).toBe("live");
    expect(recordingStatus({ fullAudioUrl: null, archive: null }, base)).toBe("none");
  });
});
