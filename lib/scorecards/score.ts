import { itemsOf, type Answers, type ScorecardSections } from "./schema";

/**
 * A scorecard's score and critical failure from its answers (docs/scorecards.md):
 * score = 100 × earned / possible over the items not answered n/a, rounded to
 * two decimals (null when every item is n/a); a pass/fail item earns its
 * weight on pass, a scale item its points. A critical item answered fail (or 0
 * points) fails the call whatever the score. Pure: the workbench shows it live
 * and the server stores what it computes again here.
 */
export interface ScoreResult {
  score: number | null;
  criticalFailed: boolean;
  earned: number;
  possible: number;
}

export function scoreAnswers(sections: ScorecardSections, answers: Answers): ScoreResult {
  let earned = 0;
  let possible = 0;
  let criticalFailed = false;
  for (const item of itemsOf(sections)) {
    const a = answers[item.key];
    if (a === undefined || a === "na") continue;
    possible += item.weight;
    const points = a === "pass" ? item.weight : a === "fail" ? 0 : Math.min(a, item.weight);
    earned += points;
    if (item.critical && points === 0) criticalFailed = true;
  }
  // Rounded from hundredths so that 2/3 is 66.67, not 66.66999…
  const score = possible === 0 ? null : Math.round((10_000 * earned) / possible) / 100;
  return { score, criticalFailed, earned, possible };
}
