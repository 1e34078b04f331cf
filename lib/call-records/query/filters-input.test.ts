import { describe, expect, it } from "vitest";
import { parseCallFilters } from "./filters";

const parse = (q: string) => parseCallFilters(new URLSearchParams(q));
const params = (q: string) => parse(q).errors.map((e) => e.param);

describe("/calls parameters are checked for their real value", () => {
  it("reports dates that are not on the calendar, or out of range, and drops them", () => {
    for (const q of [
      "from=2026-13-45",
      "from=2026-02-30",
      "to=2026-99-99",
      "from=-271821-04-20T00:00:00Z",
      "from=2026-03-01T25:00:00Z",
      "from=1",
      "to=2026-03-01T08:00:00",
    ]) {
      const { filters, errors } = parse(q);
      expect(
        errors.map((e) => e.param),
        q,
      ).toEqual([q.split("=")[0]]);
      expect(filters.from ?? filters.to, q).toBeUndefined();
    }
    expect(parse("from=2026-02-28&to=2026-03-01T00:00:00%2B08:00").errors).toEqual([]);
    // An unescaped "+" arrives as a space: still the offset it was meant to be.
    expect(parse("to=2026-03-01T00:00:00+08:00").errors).toEqual([]);
  });

  it("reports numbers outside their column's range", () => {
    expect(params("minDuration=99999999999")).toEqual(["minDuration"]);
    expect(params("maxDuration=2147483648")).toEqual(["maxDuration"]);
    expect(parse("maxDuration=2147483647").filters.maxDuration).toBe(2147483647);
    expect(params("intent=9999999999999999999:1")).toEqual(["intent"]);
    expect(params("intent=1:9999999999")).toEqual(["intent"]);
    expect(params("job=9223372036854775808")).toEqual(["job"]);
  });

  it("reports NUL bytes in text and odd characters in the cursor", () => {
    expect(params("status=%00")).toEqual(["status"]);
    expect(params("q=%00")).toEqual(["q"]);
    expect(parse("status=%00").errors[0]!.value).toBe("\\0");
    expect(params("cursor=%00")).toEqual(["cursor"]);
    expect(params("cursor=a%2Fb")).toEqual(["cursor"]);
  });

  it("says so when a range is reversed", () => {
    const dates = parse("from=2026-03-02&to=2026-03-01");
    expect(dates.errors).toEqual([expect.objectContaining({ param: "to", code: "from_after_to" })]);
    expect(dates.filters.from).toBe("2026-03-02");
    expect(parse("from=2026-03-01&to=2026-03-01").errors).toEqual([]);
    expect(params("from=2026-03-02T00:00:00Z&to=2026-03-01T23:59:59Z")).toEqual(["to"]);
    expect(params("minDuration=30&maxDuration=10")).toEqual(["maxDuration"]);
  });

  it("keeps valid size and cursor beside an unknown status, and reports unknown states", () => {
    const { filters, errors } = parse("status=zzz&size=25&cursor=WyIyMDI2LTAzLTAxVDAwOjAwOjAwLjAwMFoiLCIxIl0");
    expect(errors).toEqual([]);
    expect(filters).toMatchObject({ status: ["zzz"], size: 25, cursor: "WyIyMDI2LTAzLTAxVDAwOjAwOjAwLjAwMFoiLCIxIl0" });
    expect(params("submission=zzz&review=zzz&size=25")).toEqual(["submission", "review"]);
  });
});
