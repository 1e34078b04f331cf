import { describe, expect, it } from "vitest";
import { axisTicks } from "./bar-list";
import { mixColours } from "./mix-bar";

describe("jobs overview colours and job charts' axes", () => {
  it("gives a value one colour across all rows (so a legend can name it), the tail grey", () => {
    const parts = [
      { key: "BUSY", label: "Busy", count: 5 },
      { key: "ANSWERED", label: "Answered", count: 50 },
      { key: "ANSWERED", label: "Answered", count: 40 },
      ...["A", "B", "C", "D", "E", "F"].map((k) => ({ key: k, label: k, count: 1 })),
    ];
    const { colourOf, legend, hasOther } = mixColours(parts);
    expect(legend[0]).toMatchObject({ key: "ANSWERED", label: "Answered" });
    expect(legend[1]!.key).toBe("BUSY");
    expect(colourOf("ANSWERED")).toBe(legend[0]!.colour);
    expect(legend).toHaveLength(6);
    expect(hasOther).toBe(true);
    expect(colourOf("F")).toBe("bg-slate-300");
  });

  it("labels a time axis at up to five spread points, both ends included", () => {
    expect(axisTicks(24)).toEqual([0, 6, 12, 17, 23]);
    expect(axisTicks(3)).toEqual([0, 1, 2]);
    expect(axisTicks(0)).toEqual([]);
  });
});
