import { describe, expect, it } from "vitest";
import { benchContext } from "./context";

// A bare environment: none of the BENCH_* variables (NODE_ENV is irrelevant here).
const env = (vars: Record<string, string> = {}) => vars as NodeJS.ProcessEnv;

describe("benchContext", () => {
  it("measures every family unless --only names some", () => {
    expect(benchContext([], env()).only.size).toBe(0);
    expect([...benchContext(["--only=calls-list,submission"], env()).only]).toEqual(["calls list", "submission"]);
  });

  it("rejects a family it does not know, naming the known ones", () => {
    expect(() => benchContext(["--only=exports"], env())).toThrow(
      /unknown family exports \(known: calls-list, aggregates, export, ingest, submission, pages\)/,
    );
  });

  it("rejects a record count below 1,000", () => {
    expect(() => benchContext([], env({ BENCH_RECORDS: "10" }))).toThrow(/at least 1,000/);
  });
});
