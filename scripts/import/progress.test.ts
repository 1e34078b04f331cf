import { describe, expect, it } from "vitest";
import { formatDuration, formatProgress, ImportProgress } from "./progress";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => writes.push(s) } };
}

describe("formatProgress", () => {
  it("shows records, rate, share of the file and an ETA from the bytes left", () => {
    expect(formatProgress({ records: 12_000, bytes: 250, totalBytes: 1000, elapsedMs: 4000 })).toBe(
      "12,000 records · 3,000 records/s · 25% · ETA 0:12",
    );
    expect(formatProgress({ records: 0, bytes: 0, totalBytes: 1000, elapsedMs: 0 })).toBe(
      "0 records · 0 records/s · 0% · ETA --:--",
    );
  });

  it("formats durations as m:ss or h:mm:ss", () => {
    expect([formatDuration(0), formatDuration(61_000), formatDuration(3_725_000)]).toEqual(["0:00", "1:01", "1:02:05"]);
  });
});

describe("ImportProgress", () => {
  it("redraws one line in place on a TTY, throttled, and clears it at the end", () => {
    let t = 0;
    const { writes, stream } = fakeStream(true);
    const p = new ImportProgress({ stream, totalBytes: 100, now: () => t, redrawMs: 100 });
    t = 1000;
    p.update(1000, 50);
    t = 1050;
    p.update(1500, 60); // within the redraw interval: skipped
    t = 2000;
    p.update(2000, 100);
    p.finish();
    expect(writes).toEqual([
      "\r\x1b[2K1,000 records · 1,000 records/s · 50% · ETA 0:01",
      "\r\x1b[2K2,000 records · 1,000 records/s · 100% · ETA 0:00",
      "\r\x1b[2K",
    ]);
  });

  it("writes a new line every interval when stderr is a log, not a terminal", () => {
    let t = 0;
    const { writes, stream } = fakeStream(false);
    const p = new ImportProgress({ stream, totalBytes: 0, now: () => t, intervalMs: 3000 });
    for (t = 500; t <= 7000; t += 500) p.update(t, t);
    p.finish();
    expect(writes).toEqual(["3,000 records · 1,000 records/s\n", "6,000 records · 1,000 records/s\n"]);
  });
});
