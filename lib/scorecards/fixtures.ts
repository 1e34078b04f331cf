import type { ScorecardSections } from "./schema";

/** A small scorecard for tests: two sections, a critical pass/fail item and a critical scale item. */
export const TEST_SECTIONS: ScorecardSections = [
  {
    key: "opening",
    title: "Opening",
    items: [
      { key: "firm_named", label: "States the firm's name", kind: "passfail", weight: 10, critical: true },
      { key: "tone", label: "Polite tone", kind: "scale", weight: 5, critical: false },
    ],
  },
  {
    key: "conduct",
    title: "Conduct",
    items: [
      { key: "recorded", label: "Says the call is recorded", kind: "passfail", weight: 20, critical: false },
      { key: "no_threats", label: "No threatening wording", kind: "scale", weight: 3, critical: true },
    ],
  },
];
