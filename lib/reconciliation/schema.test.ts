import { describe, expect, it } from "vitest";
import { parseReconciliationParams } from "./schema";

// The range parsing itself is tested in lib/input/date-range.test.ts; this is /reconciliation's use of it
// (report.test.ts runs it against the report too).
const NOW = new Date("2026-03-10T12:00:00Z");

describe("parseReconciliationParams", () => {
  it("defaults to the last week and says a bad day in its own words, echoing it whole", () => {
    expect(parseReconciliationParams({}, "Asia/Shanghai", NOW).query).toEqual({
      from: "2026-03-04",
      to: "2026-03-10",
      job: [],
    });
    const bad = `2026-02-30${"x".repeat(50)}`;
    expect(parseReconciliationParams({ to: bad }, "Asia/Shanghai", NOW).errors).toEqual([
      { param: "to", message: "must be a calendar date yyyy-MM-dd", value: bad },
    ]);
  });
});
