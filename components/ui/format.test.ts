import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDate,
  formatDay,
  formatDateTime,
  formatDuration,
  formatEstimate,
  formatMean,
  formatPercent,
  formatTime,
  formatterFor,
} from "./format";

describe("format", () => {
  it("formats exact and estimated counts per language", () => {
    expect(formatCount(20000, "en")).toBe("20,000");
    expect(formatCount(20000, "zh-CN")).toBe("20,000");
    expect(formatCount(1_234_567, "en", false)).toBe("≈ 1.2M");
    expect(formatCount(1_234_567, "zh-CN", false)).toBe("≈ 123.5万");
  });
  it("writes means with one fraction digit always, so a column of them lines up", () => {
    expect([91, 89.78, 69.25, 1234.5].map((v) => formatMean(v, "en"))).toEqual(["91.0", "89.8", "69.3", "1,234.5"]);
  });
  it("formats percentages and guards division by zero", () => {
    expect(formatPercent(1, 3, "en")).toBe("33.3%");
    expect(formatPercent(1, 3, "zh-CN")).toBe("33.3%");
    expect(formatPercent(0, 0, "en")).toBe("–");
  });
  it("shows instants in the display time zone whatever the host's, written per language", () => {
    const instant = new Date("2026-03-01T00:00:00Z");
    expect(formatDateTime(instant, "Asia/Shanghai", "zh-CN")).toBe("2026/03/01 08:00:00");
    expect(formatDateTime(instant, "Asia/Shanghai", "en")).toBe("Mar 1, 2026, 08:00:00");
    expect(formatDateTime(instant, "UTC", "en")).toBe("Mar 1, 2026, 00:00:00");
    // Late in the day in Shanghai is the next calendar day than in UTC.
    expect(formatDate(new Date("2026-03-01T17:00:00Z"), "Asia/Shanghai", "zh-CN")).toBe("2026/03/02");
    expect(formatDate(new Date("2026-03-01T17:00:00Z"), "UTC", "en")).toBe("Mar 1, 2026");
  });
  it("writes calendar days per language without shifting them", () => {
    expect(formatDay("2026-03-01", "zh-CN")).toBe("2026/03/01");
    expect(formatDay("2026-03-01", "en")).toBe("Mar 1, 2026");
    expect(formatDay("not a day", "en")).toBe("not a day");
  });
  it("uses a 24-hour clock in both languages", () => {
    const afternoon = new Date("2026-03-01T07:05:09Z");
    expect(formatDateTime(afternoon, "Asia/Shanghai", "en")).toBe("Mar 1, 2026, 15:05:09");
    expect(formatDateTime(afternoon, "Asia/Shanghai", "zh-CN")).toBe("2026/03/01 15:05:09");
    expect(formatTime(afternoon, "Asia/Shanghai", "en")).toBe("15:05:09");
    expect(formatTime(new Date("2026-03-01T16:00:00Z"), "Asia/Shanghai", "zh-CN")).toBe("00:00:00");
  });
  it("formats durations as a clock in tables and in words per language", () => {
    expect(formatDuration(62, "en")).toBe("1:02");
    expect(formatDuration(62, "zh-CN")).toBe("1:02");
    expect(formatDuration(null, "en")).toBe("–");
    expect(formatDuration(62, "en", "long")).toBe("1 min 2 sec");
    expect(formatDuration(62, "zh-CN", "long")).toBe("1分钟2秒");
    expect(formatDuration(3_600, "en", "long")).toBe("1 hr");
    expect(formatDuration(0, "zh-CN", "long")).toBe("0秒");
  });
  it("rounds estimates to what matters", () => {
    expect(formatEstimate(45, "en")).toBe("45 sec");
    expect(formatEstimate(700, "zh-CN")).toBe("12分钟");
    expect(formatEstimate(5_400, "en")).toBe("1.5 hr");
    expect(formatEstimate(null, "en")).toBe("–");
  });
  it("binds a language and a time zone", () => {
    const f = formatterFor("en", "Asia/Shanghai");
    expect(f.count(1234)).toBe("1,234");
    expect(f.dateTime("2026-03-01T00:00:00.000Z")).toBe("Mar 1, 2026, 08:00:00");
    expect(f.dateTime(null)).toBe("–");
  });
});
