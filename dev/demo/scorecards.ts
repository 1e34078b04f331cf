import "server-only";
import { prisma } from "../../lib/db/client";
import { sectionsSchema, type Answers } from "../../lib/scorecards/schema";
import { scoreAnswers } from "../../lib/scorecards/score";
import { openingAndConduct } from "./scorecard-sections";

/**
 * The demo's scorecard: a default one for debt-collection robot calls, and a
 * few of the demo's older calls scored with it by the demo reviewer, with
 * score.ts as the workbench's verdicts are. Older than the review queue's
 * default week, so the queue still starts with unreviewed calls. Written with
 * Prisma directly: scripts/start.ts runs this outside Next.js, where the
 * server actions' modules (and so lib/review/mutations.ts) cannot load.
 */

export const DEMO_SCORECARD_SECTIONS = openingAndConduct(
  [
    { key: "caller_named", label: "Says who is calling", kind: "passfail", weight: 10, critical: false },
    { key: "creditor_named", label: "Says on whose behalf", kind: "passfail", weight: 10, critical: false },
    { key: "recording_notice", label: "Says the call is recorded", kind: "passfail", weight: 20, critical: true },
  ],
  [
    { key: "no_threats", label: "No threatening wording", kind: "passfail", weight: 30, critical: true },
    { key: "polite_tone", label: "Polite tone", kind: "scale", weight: 5, critical: false },
  ],
);

/** Deterministic answers: most calls good, every fifth missing the recording notice, every seventh with a curt tone. */
function demoAnswers(i: number): Answers {
  return {
    caller_named: "pass",
    creditor_named: i % 4 === 3 ? "fail" : "pass",
    recording_notice: i % 5 === 4 ? "fail" : "pass",
    no_threats: "pass",
    polite_tone: i % 7 === 6 ? 2 : i % 3 === 0 ? 5 : 4,
  };
}

export async function seedDemoScorecards(opts: { calls?: number; log?: (line: string) => void } = {}) {
  const log = opts.log ?? (() => {});
  if ((await prisma.scorecard.count()) > 0) return { scored: 0, skipped: true };
  const [admin, reviewer] = await Promise.all([
    prisma.user.findUnique({ where: { email: "admin@demo.local" } }),
    prisma.user.findUnique({ where: { email: "reviewer@demo.local" } }),
  ]);
  if (!admin || !reviewer) return { scored: 0, skipped: true };
  const version = await prisma.scorecardVersion.create({
    data: {
      version: 1,
      sections: sectionsSchema.parse(DEMO_SCORECARD_SECTIONS),
      createdBy: { connect: { id: admin.id } },
      scorecard: { create: { name: "Debt collection call quality", jobIds: [], isDefault: true } },
    },
    select: { id: true },
  });
  const records = await prisma.callRecord.findMany({
    where: { reviewState: "unreviewed", fullAudioUrl: { not: null }, resultStatus: "ANSWERED" },
    orderBy: [{ startTime: "asc" }, { id: "asc" }],
    take: opts.calls ?? 12,
    select: { id: true },
  });
  for (const [i, r] of records.entries()) {
    const answers = demoAnswers(i);
    const { score, criticalFailed } = scoreAnswers(DEMO_SCORECARD_SECTIONS, answers);
    // A failed critical item can only be flagged, as in the workbench.
    const verdict = criticalFailed ? "flagged" : "passed";
    await prisma.$transaction([
      prisma.review.create({
        data: {
          recordId: r.id,
          reviewerId: reviewer.id,
          verdict,
          reasons: criticalFailed ? ["compliance"] : [],
          scorecardVersionId: version.id,
          answers,
          score,
          criticalFailed,
        },
      }),
      prisma.callRecord.update({
        where: { id: r.id },
        data: {
          reviewState: verdict,
          reviewedAt: new Date(),
          reviewedById: reviewer.id,
          reviewScore: score,
          reviewCriticalFailed: criticalFailed,
        },
      }),
    ]);
  }
  log(`demo data: a default scorecard, ${records.length} calls scored with it`);
  return { scored: records.length, skipped: false };
}
