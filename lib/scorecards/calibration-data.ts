import "server-only";
import { Prisma, prisma } from "../db/client";
import { phraseFindingsOf, transcriptOf } from "../transcripts/data";
import { buildTranscriptView, type TranscriptView } from "../transcripts/view";
import { answersShapeSchema, sectionsSchema, type Answers, type ScorecardSections } from "./schema";

/** Reads of calibration sessions; ids leave as strings. */

export interface CalibrationSessionRow {
  id: string;
  name: string;
  scorecard: string;
  version: number;
  calls: number;
  reviewers: number;
  submitted: number;
  assignments: number;
  createdAt: string;
  closed: boolean;
}

/** Every session, newest first, with how many of its assignments are submitted. */
export async function listCalibrationSessions(): Promise<CalibrationSessionRow[]> {
  type Row = Omit<CalibrationSessionRow, "id" | "assignments" | "createdAt"> & {
    id: bigint;
    total: number;
    created_at: Date;
  };
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT c.id, c.name, s.name AS scorecard, v.version, c.created_at, c.closed_at IS NOT NULL AS closed,
           count(DISTINCT a.record_id)::int AS calls, count(DISTINCT a.reviewer_id)::int AS reviewers,
           count(a.submitted_at)::int AS submitted, count(a.record_id)::int AS total
    FROM calibration_sessions c JOIN scorecard_versions v ON v.id = c.scorecard_version_id
    JOIN scorecards s ON s.id = v.scorecard_id LEFT JOIN calibration_assignments a ON a.session_id = c.id
    GROUP BY c.id, s.name, v.version ORDER BY c.id DESC LIMIT 200`);
  return rows.map((r) => ({
    id: r.id.toString(),
    name: r.name,
    scorecard: r.scorecard,
    version: r.version,
    calls: r.calls,
    reviewers: r.reviewers,
    submitted: r.submitted,
    assignments: r.total,
    createdAt: r.created_at.toISOString(),
    closed: r.closed,
  }));
}

export interface CalibrationSessionView {
  id: string;
  name: string;
  scorecard: string;
  version: number;
  sections: ScorecardSections;
  closed: boolean;
  assignments: {
    callRecordId: string;
    reviewerId: string;
    reviewer: string;
    answers: Answers | null;
    score: number | null;
    criticalFailed: boolean | null;
    submittedAt: string | null;
  }[];
}

/** One session with its version's items and every assignment (answers included: the supervisor's view). */
export async function getCalibrationSession(id: bigint): Promise<CalibrationSessionView | null> {
  const s = await prisma.calibrationSession.findUnique({
    where: { id },
    include: {
      scorecardVersion: { include: { scorecard: { select: { name: true } } } },
      assignments: {
        orderBy: [{ recordId: "asc" }, { reviewerId: "asc" }],
        include: { record: { select: { callRecordId: true } }, reviewer: { select: { name: true } } },
      },
    },
  });
  if (!s) return null;
  return {
    id: s.id.toString(),
    name: s.name,
    scorecard: s.scorecardVersion.scorecard.name,
    version: s.scorecardVersion.version,
    sections: sectionsSchema.parse(s.scorecardVersion.sections),
    closed: s.closedAt !== null,
    assignments: s.assignments.map((a) => ({
      callRecordId: a.record.callRecordId.toString(),
      reviewerId: a.reviewerId.toString(),
      reviewer: a.reviewer.name,
      answers: a.answers === null ? null : answersShapeSchema.parse(a.answers),
      score: a.score,
      criticalFailed: a.criticalFailed,
      submittedAt: a.submittedAt?.toISOString() ?? null,
    })),
  };
}

/** A reviewer's calibration calls: what waits first, then what they already submitted. */
export async function calibrationAssignmentsOf(userId: bigint) {
  const rows = await prisma.calibrationAssignment.findMany({
    where: { reviewerId: userId, session: { closedAt: null } },
    orderBy: [{ submittedAt: { sort: "asc", nulls: "first" } }, { sessionId: "desc" }, { recordId: "asc" }],
    take: 500,
    include: { session: { select: { name: true } }, record: { select: { callRecordId: true } } },
  });
  return rows.map((a) => ({
    sessionId: a.sessionId.toString(),
    session: a.session.name,
    callRecordId: a.record.callRecordId.toString(),
    submitted: a.submittedAt !== null,
    score: a.score,
  }));
}

/** Active users who may review (reviewer or higher), for a session's choice of reviewers. */
export async function calibrationReviewerOptions(): Promise<{ id: string; name: string; email: string }[]> {
  const rows = await prisma.user.findMany({
    where: { disabledAt: null, role: { in: ["reviewer", "supervisor", "admin"] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, name: true, email: true },
  });
  return rows.map((u) => ({ id: u.id.toString(), name: u.name, email: u.email }));
}

/** One reviewer's answers to one call of a session (the calibration scoring screen). */
export async function myCalibrationAnswers(sessionId: bigint, userId: bigint, callRecordId: bigint) {
  const a = await prisma.calibrationAssignment.findFirst({
    where: { sessionId, reviewerId: userId, record: { callRecordId } },
    select: { answers: true, submittedAt: true },
  });
  if (!a) return null;
  return {
    answers: a.answers === null ? null : answersShapeSchema.parse(a.answers),
    submitted: a.submittedAt !== null,
  };
}

/**
 * The call's transcript for a calibration reviewer, as the review workbench
 * shows it (numbers and names in it masked): the same evidence for every
 * reviewer of the session. Null when the call has none.
 */
export async function calibrationTranscript(callRecordId: bigint): Promise<TranscriptView | null> {
  const r = await prisma.callRecord.findUnique({
    where: { callRecordId },
    select: { id: true, calledPhoneNumber: true, name: true },
  });
  if (!r) return null;
  const [utterances, phrases] = await Promise.all([transcriptOf(r.id), phraseFindingsOf(r.id)]);
  return buildTranscriptView(utterances, phrases, { phone: r.calledPhoneNumber, name: r.name });
}

/** Whether the session exists (its page answers 404 before it streams, when not). */
export async function calibrationSessionExists(id: bigint): Promise<boolean> {
  return (await prisma.calibrationSession.count({ where: { id } })) > 0;
}
