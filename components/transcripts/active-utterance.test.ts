import { describe, expect, it } from "vitest";
import { activeUtterance } from "./active-utterance";

const lines = [
  { startMs: 0, endMs: 1000 },
  { startMs: 1500, endMs: 4000 },
  { startMs: 2000, endMs: 2500 },
  { startMs: 5000, endMs: 6000 },
];

describe("activeUtterance", () => {
  it("finds the utterance under the position", () => {
    expect(activeUtterance(lines, 0)).toBe(0);
    expect(activeUtterance(lines, 999)).toBe(0);
    expect(activeUtterance(lines, 1500)).toBe(1);
    expect(activeUtterance(lines, 5500)).toBe(3);
  });
  it("prefers the later of two overlapping, and falls back to a longer earlier one", () => {
    expect(activeUtterance(lines, 2200)).toBe(2);
    expect(activeUtterance(lines, 3000)).toBe(1);
  });
  it("highlights nothing in a gap, before the first, after the last or for no utterances", () => {
    expect(activeUtterance(lines, 1200)).toBe(-1);
    expect(activeUtterance(lines, 4500)).toBe(-1);
    expect(activeUtterance(lines, 7000)).toBe(-1);
    expect(activeUtterance([{ startMs: 100, endMs: 200 }], 50)).toBe(-1);
    expect(activeUtterance([], 0)).toBe(-1);
  });
});
