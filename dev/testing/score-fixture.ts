import { randomBytes } from "node:crypto";
import { prisma } from "../../lib/db/client";

/**
 * Scored reviews written straight through Prisma, the way the scorecards'
 * review action leaves them: a review row with its scorecard version, score and
 * critical flag, and the record's current verdict, score and critical flag on
 * call_records (the latest review's; null when that review is unscored).
 */

export const SCORECARD_SECTIONS = [
  {
    key: "opening",
    title: "Opening",
    items: [{ key: "firm_named", label: "Names the firm", kind: "passfail", weight: 10, critical: true }],
  },
];

/** A scorecard with one version; returns the version's id. */
export async function seedScorecard(name = `Scorecard ${randomBytes(3).toString("hex")}`): Promise<bigint> {
  const card = await prisma.scorecard.create({ data: { name, jobIds: [] } });
  const version = await prisma.scorecardVersion.create({
    data: { scorecardId: card.id, version: 1, sections: SCORECARD_SECTIONS },
  });
  return version.id;
}

/** A reviewer account of the test's own (no password to sign in with). */
export async function seedReviewer(name: string): Promise<bigint> {
  const user = await prisma.user.create({
    data: {
      email: `${name.toLowerCase().replace(/\W+/g, "-")}-${randomBytes(4).toString("hex")}@scores.test`,
      name,
      role: "reviewer",
      passwordHash: "x",
    },
  });
  return user.id;
}

export interface SeededReview {
  /** The record's database id (call_records.id). */
  recordId: bigint;
  reviewerId: bigint;
  /** null: a verdict without a scorecard. */
  score: number | null;
  criticalFailed?: boolean;
  versionId?: bigint;
  at: Date;
  verdict?: "passed" | "flagged";
}

/**
 * Writes the reviews in order (a record's later review is its current one)
 * and sets each record's current score as the latest of its reviews has it.
 */
export async function seedReviews(reviews: SeededReview[]): Promise<void> {
  const latest = new Map<bigint, SeededReview>();
  for (const r of reviews) {
    await prisma.review.create({
      data: {
        recordId: r.recordId,
        reviewerId: r.reviewerId,
        verdict: r.verdict ?? "passed",
        reasons: [],
        createdAt: r.at,
        ...(r.score === null
          ? {}
          : {
              score: r.score,
              criticalFailed: r.criticalFailed ?? false,
              scorecardVersionId: r.versionId,
              answers: { firm_named: !(r.criticalFailed ?? false) },
            }),
      },
    });
    latest.set(r.recordId, r);
  }
  for (const [recordId, r] of latest) {
    await prisma.callRecord.update({
      where: { id: recordId },
      data: {
        reviewState: r.verdict ?? "passed",
        reviewedAt: r.at,
        reviewedById: r.reviewerId,
        reviewScore: r.score,
        reviewCriticalFailed: r.score === null ? null : (r.criticalFailed ?? false),
      },
    });
  }
}
