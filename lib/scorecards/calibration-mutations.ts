import "server-only";
import { ActionError } from "../actions/wrapper";
import type { SessionUser } from "../auth/sessions";
import { prisma } from "../db/client";
import { answersProblem, sectionsSchema, type Answers, type CalibrationCreateInput } from "./schema";
import { scoreAnswers } from "./score";

/**
 * Calibration sessions: the same calls given to several reviewers. Their
 * answers live in calibration_assignments only, never in reviews or on the
 * call record, so calibrating a call never changes its verdict or score.
 */

const REVIEWER_ROLES = ["reviewer", "supervisor", "admin"] as const;

/** A session and one assignment per (call, reviewer); unknown calls or reviewers are named and nothing is written. */
export async function createCalibrationSession(user: SessionUser, input: CalibrationCreateInput): Promise<bigint> {
  const callIds = [...new Set(input.callRecordIds)].map(BigInt);
  const reviewerIds = [...new Set(input.reviewerIds)].map(BigInt);
  return prisma.$transaction(async (tx) => {
    const version = await tx.scorecardVersion.findUnique({
      where: { id: BigInt(input.versionId) },
      select: { id: true },
    });
    if (!version) throw new ActionError("invalid_input", "versionId: no such scorecard version");
    const records = await tx.callRecord.findMany({
      where: { callRecordId: { in: callIds } },
      select: { id: true, callRecordId: true },
    });
    const missing = callIds.filter((c) => !records.some((r) => r.callRecordId === c));
    if (missing.length) throw new ActionError("invalid_input", `callRecordIds: no such call ${missing.join(", ")}`);
    const reviewers = await tx.user.findMany({
      where: { id: { in: reviewerIds }, disabledAt: null, role: { in: [...REVIEWER_ROLES] } },
      select: { id: true },
    });
    const notReviewers = reviewerIds.filter((r) => !reviewers.some((u) => u.id === r));
    if (notReviewers.length)
      throw new ActionError("invalid_input", `reviewerIds: not an active reviewer ${notReviewers.join(", ")}`);
    const session = await tx.calibrationSession.create({
      data: { name: input.name, scorecardVersionId: version.id, createdById: user.id },
      select: { id: true },
    });
    await tx.calibrationAssignment.createMany({
      data: records.flatMap((r) =>
        reviewerIds.map((reviewerId) => ({ sessionId: session.id, recordId: r.id, reviewerId })),
      ),
    });
    return session.id;
  });
}

/**
 * A reviewer's answers for one call of a session (again: a later submission
 * replaces theirs until the session closes). not_found: not assigned to them.
 */
export async function submitCalibration(
  user: SessionUser,
  input: { sessionId: bigint; callRecordId: bigint; answers: Answers },
): Promise<{ score: number | null; criticalFailed: boolean }> {
  const assignment = await prisma.calibrationAssignment.findFirst({
    where: { sessionId: input.sessionId, reviewerId: user.id, record: { callRecordId: input.callRecordId } },
    select: {
      recordId: true,
      session: { select: { closedAt: true, scorecardVersion: { select: { sections: true } } } },
    },
  });
  if (!assignment) throw new ActionError("not_found", "This call is not assigned to you in that session.");
  if (assignment.session.closedAt) throw new ActionError("closed", "This calibration session is closed.");
  const sections = sectionsSchema.parse(assignment.session.scorecardVersion.sections);
  const problem = answersProblem(sections, input.answers);
  if (problem) throw new ActionError("invalid_input", `answers.${problem}`);
  const { score, criticalFailed } = scoreAnswers(sections, input.answers);
  await prisma.calibrationAssignment.update({
    where: {
      sessionId_recordId_reviewerId: { sessionId: input.sessionId, recordId: assignment.recordId, reviewerId: user.id },
    },
    data: { answers: input.answers, score, criticalFailed, submittedAt: new Date() },
  });
  return { score, criticalFailed };
}

/**
 * Closes a session: its reviewers can no longer answer (submitCalibration
 * refuses), its comparison stays. null: no such session; closing a closed
 * session keeps its first closing time, so the audit says it was already closed.
 */
export async function closeCalibrationSession(id: bigint): Promise<{ name: string; alreadyClosed: boolean } | null> {
  return prisma.$transaction(async (tx) => {
    const session = await tx.calibrationSession.findUnique({ where: { id }, select: { name: true, closedAt: true } });
    if (!session) return null;
    if (session.closedAt) return { name: session.name, alreadyClosed: true };
    // Only an open session is closed: of two supervisors closing at once, one closes it.
    const { count } = await tx.calibrationSession.updateMany({
      where: { id, closedAt: null },
      data: { closedAt: new Date() },
    });
    return { name: session.name, alreadyClosed: count === 0 };
  });
}
