import { describe, expect, it } from "vitest";
import { parseWireDate } from "./dates";

function iso(input: unknown): string {
  const r = parseWireDate(input);
  if (!r.ok) throw new Error(r.message);
  return r.value.toISOString();
}

function reason(input: unknown): string {
  const r = parseWireDate(input);
  if (r.ok) throw new Error(`accepted ${String(input)} as ${r.value.toISOString()}`);
  return r.message;
}

describe("parseWireDate", () => {
  it("reads the TOP wire form as GMT+8 wall time, whatever the host zone", () => {
    expect(iso("2026-03-01 08:00:00")).toBe("2026-03-01T00:00:00.000Z");
    expect(iso("2026-01-01 00:30:00")).toBe("2025-12-31T16:30:00.000Z");
    expect(iso("2026-03-01 08:00:00.125")).toBe("2026-03-01T00:00:00.125Z");
    expect(iso(" 2026-03-01 08:00:00 ")).toBe("2026-03-01T00:00:00.000Z");
  });

  it("reads ISO 8601 with an offset or Z", () => {
    expect(iso("2026-03-01T08:00:00+08:00")).toBe("2026-03-01T00:00:00.000Z");
    expect(iso("2026-03-01T00:00:00Z")).toBe("2026-03-01T00:00:00.000Z");
    expect(iso("2026-03-01T00:00:00.123456Z")).toBe("2026-03-01T00:00:00.123Z");
    expect(iso("2026-02-28T19:00:00-0500")).toBe("2026-03-01T00:00:00.000Z");
    expect(iso("2026-03-01T05:30+05:30")).toBe("2026-03-01T00:00:00.000Z");
    expect(iso("2026-03-01 08:00:00+08")).toBe("2026-03-01T00:00:00.000Z");
  });

  it("reads epoch seconds and milliseconds, as numbers or digit strings, by magnitude", () => {
    expect(iso(1772323200)).toBe("2026-03-01T00:00:00.000Z");
    expect(iso("1772323200")).toBe("2026-03-01T00:00:00.000Z");
    expect(iso(1772323200000)).toBe("2026-03-01T00:00:00.000Z");
    expect(iso("1772323200123")).toBe("2026-03-01T00:00:00.123Z");
    expect(iso(1772323200.5)).toBe("2026-03-01T00:00:00.500Z");
  });

  it("refuses ISO 8601 without an offset: the zone would be a guess", () => {
    expect(reason("2026-03-01T08:00:00")).toMatch(/without an offset is ambiguous/);
    expect(reason("2026-03-01T08:00")).toMatch(/without an offset is ambiguous/);
  });

  it.each([
    ["garbage", /unrecognised date "garbage"/],
    ["2026-03-01", /without a time of day/],
    ["2026-02-30 08:00:00", /not a valid calendar date/],
    ["2026-03-01 24:00:00", /not a valid calendar date/],
    ["2026-03-01T08:00:00+25:00", /invalid UTC offset/],
    ["01/03/2026 08:00", /unrecognised date/],
    [-5, /non-negative/],
    [Number.NaN, /non-negative/],
    [true, /must be a date string or an epoch number/],
    [{}, /must be a date string or an epoch number/],
    [1772323200000000n, /out of range/],
    // a compact yyyyMMddHHmmss would be "milliseconds" in the year 2612: refused by the range
    ["20260301080000", /out of range/],
    ["1999-12-31 23:59:59", /out of range/],
  ])("rejects %s", (input, message) => {
    expect(reason(input)).toMatch(message);
  });
});
