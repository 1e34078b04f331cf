import "server-only";
import { ActionError } from "../actions/wrapper";
import type { Prisma } from "../db/client";
import { answersProblem, sectionsSchema, type Answers } from "./schema";
import { scoreAnswers } from "./score";

/** A review's scorecard columns (reviews) and the record's current score (call_records). */
export interface ReviewScore {
  scorecardVersionId: bigint | null;
  answers: Answers | null;
  score: number | null;
  criticalFailed: boolean | null;
}

export const NO_SCORE: ReviewScore = { scorecardVersionId: null, answers: null, score: null, criticalFailed: null };

/**
 * Scores a verdict's answers against the version they were given for, inside
 * the verdict's transaction. The score is computed here again, never taken
 * from the browser. A failed critical item fails the call whatever the
 * score, so such a call cannot be passed: the verdict must be a flag.
 */
export async function scoreForVerdict(
  tx: Prisma.TransactionClient,
  scorecard: { versionId: string; answers: Answers },
  verdict: "passed" | "flagged",
): Promise<ReviewScore> {
  const version = await tx.scorecardVersion.findUnique({
    where: { id: BigInt(scorecard.versionId) },
    select: { id: true, sections: true },
  });
  if (!version) throw new ActionError("invalid_input", "scorecard.versionId: no such scorecard version");
  const sections = sectionsSchema.parse(version.sections);
  const problem = answersProblem(sections, scorecard.answers);
  if (problem) throw new ActionError("invalid_input", `scorecard.answers.${problem}`);
  const { score, criticalFailed } = scoreAnswers(sections, scorecard.answers);
  if (criticalFailed && verdict === "passed")
    throw new ActionError("critical_failed", "A critical item failed: the call cannot pass. Flag it instead.");
  return { scorecardVersionId: version.id, answers: scorecard.answers, score, criticalFailed };
}
