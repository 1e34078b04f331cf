import { describe, expect, it } from "vitest";
import { DEFAULT_DAYS, MAX_DAYS, parseQualityParams } from "./schema";

// The range parsing itself is tested in lib/input/date-range.test.ts; this is /quality's use of it.
const ZONE = "Asia/Shanghai";
// 2026-11-20 01:00 in Shanghai (still the 19th in UTC).
const NOW = new Date("2026-11-19T17:00:00Z");

describe("parseQualityParams", () => {
  it("defaults to the last four weeks in the display time zone, today included", () => {
    expect(parseQualityParams({}, ZONE, NOW)).toEqual({
      range: { from: "2026-10-24", to: "2026-11-20", job: [] },
      errors: [],
    });
    expect(DEFAULT_DAYS).toBe(28);
  });

  it("says a bad day in its own words, clips the echoed value, and keeps to a year", () => {
    const { errors } = parseQualityParams({ from: "2026-02-30", job: "9".repeat(50) }, ZONE, NOW);
    expect(errors).toEqual([
      { param: "job", message: "must be a positive integer id", value: "9".repeat(40) },
      { param: "from", message: "must be a real calendar date yyyy-MM-dd", value: "2026-02-30" },
    ]);
    const { range } = parseQualityParams({ from: "2020-01-01", to: "2026-01-01" }, ZONE, NOW);
    expect((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1).toBe(MAX_DAYS);
  });
});
