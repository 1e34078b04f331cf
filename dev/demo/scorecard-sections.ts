import type { ScorecardItem, ScorecardSections } from "../../lib/scorecards/schema";

/**
 * A call-quality scorecard as the demo's is laid out (and the tests' fixture,
 * dev/testing/scorecard-fixture.ts, after it): an opening section and a
 * conduct section, each with its own items.
 */
export function openingAndConduct(opening: ScorecardItem[], conduct: ScorecardItem[]): ScorecardSections {
  return [
    { key: "opening", title: "Opening", items: opening },
    { key: "conduct", title: "Conduct", items: conduct },
  ];
}
