import { describe, expect, it } from "vitest";
import { parseCallFilters } from "../call-records/query/filters";
import { callFiltersToSearchParams } from "../call-records/query/filter-params";
import { complianceCondition } from "./filter";

describe("compliance= in the one /calls parser", () => {
  it("takes repeated kinds and any, and names the parameter of a bad value", () => {
    const { filters, errors } = parseCallFilters(
      new URLSearchParams("compliance=hours&compliance=bogus&compliance=phrase"),
    );
    expect(filters.compliance).toEqual(["hours", "phrase"]);
    expect(errors).toEqual([
      {
        param: "compliance",
        value: "bogus",
        message: '"bogus" must be one of hours, frequency, anomaly, phrase, any',
      },
    ]);
    expect(callFiltersToSearchParams(filters).toString()).toBe("compliance=hours&compliance=phrase");
  });

  it("matches any of the kinds; any is every flag", () => {
    const sql = (v: Parameters<typeof complianceCondition>[0]) => {
      const s = complianceCondition(v);
      return { text: s.text, values: s.values };
    };
    expect(sql(["any"])).toEqual({ text: "compliance_flags <> 0", values: [] });
    expect(sql(["hours", "any"])).toEqual({ text: "compliance_flags <> 0", values: [] });
    expect(sql(["hours", "anomaly"])).toEqual({
      text: "(compliance_flags <> 0 AND (compliance_flags & $1::int) <> 0)",
      values: [5],
    });
  });
});
