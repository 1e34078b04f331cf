import { describe, expect, it } from "vitest";
import { callFiltersToSearchParams } from "./filter-params";
import { parseCallFilters } from "./filters";

describe("parseCallFilters", () => {
  it("reads repeated multi-value parameters and int64 ids exactly", () => {
    const { filters, errors } = parseCallFilters(
      new URLSearchParams(
        "job=9007199254740993&job=42&status=BUSY&status=NO_ANSWER&intent=9007199254740995:2&submission=rejected&audio=true&size=25&sort=-chat_duration",
      ),
    );
    expect(errors).toEqual([]);
    expect(filters.job).toEqual([9007199254740993n, 42n]);
    expect(filters.status).toEqual(["BUSY", "NO_ANSWER"]);
    expect(filters.intent).toEqual([{ tagId: 9007199254740995n, code: 2 }]);
    expect(filters.submission).toEqual(["rejected"]);
    expect(filters.audio).toBe(true);
    expect(filters.size).toBe(25);
    expect(filters.sort).toBe("-chat_duration");
  });

  it("drops invalid values, keeps the valid ones and says what was wrong", () => {
    const { filters, errors } = parseCallFilters({
      job: ["12", "abc"],
      submission: "sent",
      size: "30",
      intent: "5",
      from: "yesterday",
    });
    expect(filters.job).toEqual([12n]);
    expect(filters.submission).toEqual([]);
    expect(filters.size).toBe(50);
    expect(filters.intent).toEqual([]);
    expect(filters.from).toBeUndefined();
    expect(errors.map((e) => e.param).sort()).toEqual(["from", "intent", "job", "size", "submission"]);
    expect(errors.find((e) => e.param === "job")?.message).toBe('"abc" must be a positive integer id');
    expect(errors.find((e) => e.param === "size")?.message).toBe("must be one of 25, 50, 100");
    expect(errors.find((e) => e.param === "submission")?.message).toBe(
      '"sent" must be one of not_submitted, queued, in_flight, accepted, rejected, retrying, failed',
    );
  });

  it("rejects a duration range that is upside down", () => {
    const { filters, errors } = parseCallFilters({ minDuration: "60", maxDuration: "10" });
    expect(filters.minDuration).toBe(60);
    expect(filters.maxDuration).toBeUndefined();
    expect(errors).toEqual([{ param: "maxDuration", message: "must not be below minDuration", code: "min_above_max" }]);
  });

  it("reads score bounds as numbers 0 to 100 and compares them by value, not as text", () => {
    const ok = parseCallFilters({ minScore: "9", maxScore: "10.5", critical: "failed" });
    expect(ok.errors).toEqual([]);
    expect(ok.filters).toMatchObject({ minScore: 9, maxScore: 10.5, critical: "failed" });
    const reversed = parseCallFilters({ minScore: "80", maxScore: "79.99" });
    expect(reversed.filters.minScore).toBe(80);
    expect(reversed.filters.maxScore).toBeUndefined();
    expect(reversed.errors).toEqual([
      { param: "maxScore", message: "must not be below minScore", code: "min_above_max" },
    ]);
    expect(parseCallFilters({ minScore: "100", maxScore: "100" }).errors).toEqual([]);
  });

  it.each(["-1", "100.01", "101", "1e2", "NaN", "Infinity", " 50", "50 ", "", "0x10", "1,5", "５０"])(
    "names minScore and maxScore when a bound is %j",
    (value) => {
      const { filters, errors } = parseCallFilters({ minScore: value, maxScore: value });
      expect(filters.minScore).toBeUndefined();
      expect(filters.maxScore).toBeUndefined();
      expect(errors.map((e) => [e.param, e.message])).toEqual([
        ["minScore", "must be a number from 0 to 100"],
        ["maxScore", "must be a number from 0 to 100"],
      ]);
    },
  );

  it("names critical when it is neither failed nor passed", () => {
    const { filters, errors } = parseCallFilters({ critical: "FAILED" });
    expect(filters.critical).toBeUndefined();
    expect(errors).toEqual([{ param: "critical", message: "must be one of failed, passed" }]);
  });

  it("round-trips the score filters", () => {
    const { filters } = parseCallFilters(new URLSearchParams("minScore=60&maxScore=99.5&critical=passed"));
    expect(callFiltersToSearchParams(filters).toString()).toBe("minScore=60&maxScore=99.5&critical=passed");
  });

  it("round-trips through URL params, omitting defaults", () => {
    const { filters } = parseCallFilters(new URLSearchParams("job=7&status=BUSY&review=flagged&from=2026-03-01&q=张"));
    expect(callFiltersToSearchParams(filters).toString()).toBe(
      "job=7&status=BUSY&review=flagged&from=2026-03-01&q=%E5%BC%A0",
    );
  });
});
