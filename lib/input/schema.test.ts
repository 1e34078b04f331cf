import { describe, expect, it } from "vitest";
import {
  containsNul,
  int64IdSchema,
  isCalendarDay,
  parseInstant,
  parseInt64Id,
  safeDecodeURIComponent,
} from "./schema";

describe("input values checked for their real value", () => {
  it("takes days that exist on the calendar only", () => {
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2028-02-29")).toBe(true);
    for (const bad of [
      "2026-02-29",
      "2026-02-30",
      "2026-13-45",
      "2026-99-99",
      "2026-00-10",
      "2026-04-31",
      "0000-01-01",
      "-271821-04-20",
      "2026-1-1",
    ]) {
      expect(isCalendarDay(bad), bad).toBe(false);
    }
  });

  it("takes instants with an offset that exist, within four-digit years", () => {
    expect(parseInstant("2026-03-01T08:00:00+08:00")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parseInstant("2026-03-01T00:00:00.123456Z")?.toISOString()).toBe("2026-03-01T00:00:00.123Z");
    expect(parseInstant("2026-03-01T08:00-0130")?.toISOString()).toBe("2026-03-01T09:30:00.000Z");
    for (const bad of [
      "-271821-04-20T00:00:00Z",
      "+275760-09-13T00:00:00Z",
      "2026-02-30T00:00:00Z",
      "2026-01-01T24:00:00Z",
      "2026-01-01T00:00:00",
      "2026-01-01T00:00:00+19:00",
      "1e308",
      "99999999999999999999999",
    ]) {
      expect(parseInstant(bad), bad).toBeNull();
    }
  });

  it("takes ids within int64, as text, and never throws on others", () => {
    expect(parseInt64Id("9223372036854775807")).toBe(9223372036854775807n);
    expect(parseInt64Id("9223372036854775808")).toBeNull();
    expect(parseInt64Id("9999999999999999999")).toBeNull();
    expect(parseInt64Id("1e3")).toBeNull();
    expect(parseInt64Id("")).toBeNull();
    expect(int64IdSchema.safeParse("99999999999999999999999").success).toBe(false);
  });

  it("decodes broken escapes to null instead of throwing, and finds NUL bytes anywhere", () => {
    expect(safeDecodeURIComponent("%")).toBeNull();
    expect(safeDecodeURIComponent("%E0%A4%A")).toBeNull();
    expect(safeDecodeURIComponent("a%20b")).toBe("a b");
    expect(containsNul({ a: ["x", { b: "y\u0000" }] })).toBe(true);
    expect(containsNul({ "k\u0000": 1 })).toBe(true);
    expect(containsNul({ a: ["x", 1, null] })).toBe(false);
  });
});
