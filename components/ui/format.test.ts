import { describe, expect, it } from "vitest";
import { formatCount, formatDateTime, formatPercent } from "./format";

describe("format", () => {
  it("formats exact and estimated counts", () => {
    expect(formatCount(20000)).toBe("20,000");
    expect(formatCount(1_234_567, false)).toBe("≈ 1.2M");
  });
  it("formats percentages and guards division by zero", () => {
    expect(formatPercent(1, 3)).toBe("33.3%");
    expect(formatPercent(0, 0)).toBe("–");
  });
  it("shows instants in the display time zone whatever the host's", () => {
    expect(formatDateTime(new Date("2026-03-01T00:00:00Z"), "Asia/Shanghai")).toBe("2026-03-01 08:00:00");
  });
});
