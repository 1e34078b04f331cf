import { describe, expect, it } from "vitest";
import { atLeast } from "./stats";

const base = { family: "ingest", name: "API", unit: "records/s" as const };
const stats = (p50: number) => ({ p50, p95: p50, samples: 5 });

describe("atLeast", () => {
  it("meets a target and a share of the ceiling", () => {
    const f = atLeast(base, stats(6_000), { target: 5_000, ceilingValue: 9_000, share: 0.3 });
    expect(f.verdict).toBe("ok");
    expect(f.reason).toBeUndefined();
  });

  it("misses a target that the ceiling allows", () => {
    const f = atLeast(base, stats(4_000), { target: 5_000, ceilingValue: 9_000, share: 0.3 });
    expect(f.verdict).toBe("MISSED");
    expect(f.reason).toBe("below 5,000 records/s");
  });

  it("says when the target is above the measured ceiling itself", () => {
    const f = atLeast(base, stats(2_248), { target: 5_000, ceilingValue: 4_471, share: 0.3 });
    expect(f.verdict).toBe("MISSED");
    expect(f.reason).toBe("below 5,000 records/s, which is above the ceiling itself on this machine");
  });

  it("misses the share of the ceiling", () => {
    const f = atLeast(base, stats(1_000), { ceilingValue: 4_000, share: 0.3 });
    expect(f.verdict).toBe("MISSED");
    expect(f.reason).toBe("25% of the ceiling");
  });
});
