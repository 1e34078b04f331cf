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

  it("round-trips through URL params, omitting defaults", () => {
    const { filters } = parseCallFilters(new URLSearchParams("job=7&status=BUSY&review=flagged&from=2026-03-01&q=张"));
    expect(callFiltersToSearchParams(filters).toString()).toBe(
      "job=7&status=BUSY&review=flagged&from=2026-03-01&q=%E5%BC%A0",
    );
  });
});
