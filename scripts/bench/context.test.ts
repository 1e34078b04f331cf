import { describe, expect, it } from "vitest";
import { benchContext } from "./context";

describe("benchContext", () => {
  it("measures every family unless --only names some", () => {
    expect(benchContext([], {}).only.size).toBe(0);
    expect([...benchContext(["--only=calls-list,submission"], {}).only]).toEqual(["calls list", "submission"]);
  });

  it("rejects a family it does not know, naming the known ones", () => {
    expect(() => benchContext(["--only=exports"], {})).toThrow(/unknown family exports \(known: calls-list, aggregates, export, ingest, submission, pages\)/);
  });

  it("rejects a record count below 1,000", () => {
    expect(() => benchContext([], { BENCH_RECORDS: "10" })).toThrow(/at least 1,000/);
  });
});
