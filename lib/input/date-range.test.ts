import { describe, expect, it } from "vitest";
import { parseDateRangeParams, type DateRangeOptions } from "./date-range";

const ZONE = "Asia/Shanghai";
// 2026-11-20 01:00 in Shanghai (still the 19th in UTC).
const NOW = new Date("2026-11-19T17:00:00Z");
const OPTIONS: DateRangeOptions = { defaultDays: 10, maxDays: 30, dayMessage: "must be a day" };
const parse = (query: string | Record<string, string | string[]>, options = OPTIONS) =>
  parseDateRangeParams(typeof query === "string" ? new URLSearchParams(query) : query, ZONE, options, NOW);
const span = (r: { from: string; to: string }) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 + 1;

describe("parseDateRangeParams", () => {
  it("defaults to the default span ending today in the time zone", () => {
    expect(parse({})).toEqual({ range: { from: "2026-11-11", to: "2026-11-20", job: [] }, errors: [] });
  });

  it("gives the default span from `from`, up to today at the latest, and before `to`", () => {
    expect(parse("from=2026-01-01").range).toMatchObject({ from: "2026-01-01", to: "2026-01-10" });
    expect(parse("from=2026-11-18").range).toMatchObject({ from: "2026-11-18", to: "2026-11-20" });
    expect(parse("to=2026-03-31").range).toMatchObject({ from: "2026-03-22", to: "2026-03-31" });
  });

  it("reads jobs repeated or in one field, without repeats", () => {
    const { range, errors } = parse("job=7, 9007199254740993&job=7");
    expect(errors).toEqual([]);
    expect(range.job).toEqual([7n, 9007199254740993n]);
  });

  it.each([
    ["from=2026-02-30", "from", "must be a day"],
    ["to=2026-13-01", "to", "must be a day"],
    ["from=yesterday", "from", "must be a day"],
    ["job=abc", "job", "must be a positive integer id"],
    ["job=0", "job", "is out of the int64 range"],
    ["job=99999999999999999999", "job", "must be a positive integer id"],
    ["job=9223372036854775808", "job", "is out of the int64 range"],
    ["from=2026-03-02&to=2026-03-01", "to", "must not be before from"],
    ["from=2026-01-01&to=2026-03-01", "from", "the range must be at most 30 days"],
    ["from=2026-01-01&from=2026-01-02", "from", "must be given once"],
  ])("reports %s by naming %s, and still gives a usable range", (query, param, message) => {
    const { range, errors } = parse(query);
    expect(errors).toContainEqual(expect.objectContaining({ param, message }));
    expect(range.from <= range.to).toBe(true);
    expect(span(range)).toBeLessThanOrEqual(30);
  });

  it("keeps `to` and moves `from` when the range is too long", () => {
    const { range } = parse({ from: "2020-01-01", to: "2026-01-01" });
    expect(range).toMatchObject({ from: "2025-12-03", to: "2026-01-01" });
    expect(span(range)).toBe(30);
  });

  it("drops a `to` before `from` and gives the default span from `from`", () => {
    expect(parse("from=2026-03-05&to=2026-03-01").range).toMatchObject({ from: "2026-03-05", to: "2026-03-14" });
  });

  it("echoes a bad value whole, or clipped to valueLength", () => {
    const long = "x".repeat(60);
    expect(parse({ from: long }).errors[0]?.value).toBe(long);
    expect(parse({ from: long }, { ...OPTIONS, valueLength: 40 }).errors[0]?.value).toBe("x".repeat(40));
  });
});
