import "server-only";
import type { SessionUser } from "../../lib/auth/sessions";
import { prisma } from "../../lib/db/client";
import { submitVerdict } from "../../lib/review/mutations";
import { createScorecard } from "../../lib/scorecards/mutations";
import type { Answers, ScorecardSections } from "../../lib/scorecards/schema";
import { scoreAnswers } from "../../lib/scorecards/score";

/**
 * The demo's scorecard: a default one for debt-collection robot calls, and a
 * few of the demo's older calls scored with it by the demo reviewer through
 * the same verdict path as the workbench. Older than the review queue's
 * default week, so the queue still starts with unreviewed calls.
 */

export const DEMO_SCORECARD_SECTIONS: ScorecardSections = [
  {
    key: "opening",
    title: "Opening",
    items: [
      { key: "caller_named", label: "Says who is calling", kind: "passfail", weight: 10, critical: false },
      { key: "creditor_named", label: "Says on whose behalf", kind: "passfail", weight: 10, critical: false },
      { key: "recording_notice", label: "Says the call is recorded", kind: "passfail", weight: 20, critical: true },
    ],
  },
  {
    key: "conduct",
    title: "Conduct",
    items: [
      { key: "no_threats", label: "No threatening wording", kind: "passfail", weight: 30, critical: true },
      { key: "polite_tone", label: "Polite tone", kind: "scale", weight: 5, critical: false },
    ],
  },
];

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
  const asUser = (u: typeof admin) => ({ id: u.id, email: u.email, name: u.name, role: u.role }) as SessionUser;
  const { versionId } = await createScorecard(asUser(admin), {
    name: "Debt collection call quality",
    jobIds: [],
    isDefault: true,
    sections: DEMO_SCORECARD_SECTIONS,
  });
  const records = await prisma.callRecord.findMany({
    where: { reviewState: "unreviewed", fullAudioUrl: { not: null }, resultStatus: "ANSWERED" },
    orderBy: [{ startTime: "asc" }, { id: "asc" }],
    take: opts.calls ?? 12,
    select: { callRecordId: true },
  });
  for (const [i, r] of records.entries()) {
    const answers = demoAnswers(i);
    const { criticalFailed } = scoreAnswers(DEMO_SCORECARD_SECTIONS, answers);
    await submitVerdict(asUser(reviewer), {
      callRecordId: r.callRecordId,
      verdict: criticalFailed ? "flagged" : "passed",
      reasons: criticalFailed ? ["compliance"] : [],
      scorecard: { versionId: versionId.toString(), answers },
    });
  }
  log(`demo data: a default scorecard, ${records.length} calls scored with it`);
  return { scored: records.length, skipped: false };
}
