import { describe, expect, it } from "vitest";
import { DEFAULT_DAYS, MAX_DAYS, parseQualityParams } from "./schema";

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

  it("reads a range and jobs, repeated or in one field", () => {
    const { range, errors } = parseQualityParams(
      new URLSearchParams("from=2026-01-01&to=2026-03-31&job=7 9007199254740993&job=7"),
      ZONE,
      NOW,
    );
    expect(errors).toEqual([]);
    expect(range).toEqual({ from: "2026-01-01", to: "2026-03-31", job: [7n, 9007199254740993n] });
  });

  it.each([
    ["from=2026-02-30", "from"],
    ["to=2026-13-01", "to"],
    ["from=yesterday", "from"],
    ["job=abc", "job"],
    ["job=99999999999999999999", "job"],
    ["from=2026-03-02&to=2026-03-01", "to"],
    ["from=2020-01-01&to=2026-01-01", "from"],
    ["from=2026-01-01&from=2026-01-02", "from"],
  ])("reports %s by naming %s, and still gives a usable range", (query, param) => {
    const { range, errors } = parseQualityParams(new URLSearchParams(query), ZONE, NOW);
    expect(errors.map((e) => e.param)).toContain(param);
    expect(range.from <= range.to).toBe(true);
    expect(range.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("keeps a range to at most a year of days", () => {
    const { range } = parseQualityParams({ from: "2020-01-01", to: "2026-01-01" }, ZONE, NOW);
    expect(range.to).toBe("2026-01-01");
    const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
    expect(days).toBe(MAX_DAYS);
  });
});
