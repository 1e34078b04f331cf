import { openingAndConduct } from "../demo/scorecard-sections";

/** A small scorecard for tests: two sections, a critical pass/fail item and a critical scale item. */
export const TEST_SECTIONS = openingAndConduct(
  [
    { key: "firm_named", label: "States the firm's name", kind: "passfail", weight: 10, critical: true },
    { key: "tone", label: "Polite tone", kind: "scale", weight: 5, critical: false },
  ],
  [
    { key: "recorded", label: "Says the call is recorded", kind: "passfail", weight: 20, critical: false },
    { key: "no_threats", label: "No threatening wording", kind: "scale", weight: 3, critical: true },
  ],
);
