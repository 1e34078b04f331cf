import { describe, expect, it } from "vitest";
import { FILTER_PARAMS } from "@/lib/call-records/query/filter-values";
import en from "@/lib/i18n/messages/en/calls.json";
import zh from "@/lib/i18n/messages/zh/calls.json";

describe("the /calls link notice", () => {
  it("says why, in both languages, for every parameter a link can carry", () => {
    for (const messages of [en, zh]) {
      const said = Object.keys(messages.filterErrors.params);
      expect([...FILTER_PARAMS, "size", "cursor"].filter((p) => !said.includes(p))).toEqual([]);
    }
  });
});
