import { describe, expect, it } from "vitest";
import { apportion, callSlots } from "./calendar";
import { formatGmt8, parseGmt8 } from "./wire-time";

describe("formatGmt8", () => {
  it("formats epoch ms in GMT+8 whatever the host zone", () => {
    expect(formatGmt8(Date.UTC(2026, 0, 1, 16, 0, 5))).toBe("2026-01-02 00:00:05");
    expect(formatGmt8(Date.UTC(2025, 11, 31, 15, 59, 59))).toBe("2025-12-31 23:59:59");
    expect(parseGmt8("2026-01-02 00:00:05")).toBe(Date.UTC(2026, 0, 1, 16, 0, 5));
  });
});

describe("apportion", () => {
  it("sums to the total, proportionally, ties to the earlier index", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 2, 5])).toEqual([0, 2, 5]);
    expect(apportion(0, [0, 0])).toEqual([0, 0]);
    expect(() => apportion(3, [0, 0])).toThrow();
  });
});

describe("callSlots", () => {
  it("cuts the window into GMT+8 clock hours weighted by the calendar", () => {
    // Monday 2026-11-23 08:30 to 10:15 GMT+8.
    const slots = callSlots(Date.UTC(2026, 10, 23, 0, 30), Date.UTC(2026, 10, 23, 2, 15));
    expect(slots.map((s) => formatGmt8(s.startMs).slice(11, 16))).toEqual(["08:30", "09:00", "10:00"]);
    expect(slots.map((s) => s.weight)).toEqual([0.075, 1, 0.25]);
    // Sunday 03:00-04:00: nobody calls at night.
    expect(callSlots(Date.UTC(2026, 10, 21, 19), Date.UTC(2026, 10, 21, 20))[0]?.weight).toBe(0);
  });
});
