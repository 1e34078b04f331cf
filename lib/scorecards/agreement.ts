import { itemsOf, type Answer, type Answers, type ScorecardSections } from "./schema";

/**
 * How far calibration reviewers agree (docs/scorecards.md). The agreement
 * rate is the share of (call, item) pairs on which every reviewer who
 * submitted that call gave the same answer, counted over the pairs that at
 * least two reviewers submitted (one answer agrees with nothing). n/a is an
 * answer like the others: one reviewer's n/a against another's pass is a
 * difference worth discussing.
 */

export interface SubmittedAnswers {
  recordId: string;
  reviewerId: string;
  /** null: not submitted yet. */
  answers: Answers | null;
}

export interface ItemComparison {
  recordId: string;
  itemKey: string;
  /** The submitted answers by reviewer id. */
  answers: Record<string, Answer>;
  /** null: fewer than two answers, nothing to compare. */
  agree: boolean | null;
}

export interface Agreement {
  items: ItemComparison[];
  compared: number;
  agreed: number;
  /** agreed / compared, 0..1; null when nothing could be compared. */
  rate: number | null;
}

export function calibrationAgreement(sections: ScorecardSections, assignments: SubmittedAnswers[]): Agreement {
  const records = [...new Set(assignments.map((a) => a.recordId))];
  const items: ItemComparison[] = [];
  let compared = 0;
  let agreed = 0;
  for (const recordId of records) {
    const submitted = assignments.filter((a) => a.recordId === recordId && a.answers !== null);
    for (const item of itemsOf(sections)) {
      const answers: Record<string, Answer> = {};
      for (const s of submitted) {
        const a = s.answers?.[item.key];
        if (a !== undefined) answers[s.reviewerId] = a;
      }
      const values = Object.values(answers);
      const agree = values.length < 2 ? null : values.every((v) => v === values[0]);
      if (agree !== null) {
        compared++;
        if (agree) agreed++;
      }
      items.push({ recordId, itemKey: item.key, answers, agree });
    }
  }
  return { items, compared, agreed, rate: compared === 0 ? null : agreed / compared };
}
