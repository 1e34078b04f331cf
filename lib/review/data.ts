import "server-only";
import { Prisma, prisma } from "../db/client";
import { getRecordingSource, recordingStatus, type RecordingStatus } from "../audio/data";
import { maskName, maskPhone } from "../privacy/mask";
import { getJobName } from "../jobs/names";
import { phraseFindingsOf, transcriptOf } from "../transcripts/data";
import { buildTranscriptView, type TranscriptView } from "../transcripts/view";
import { scorecardForJob, type ScorecardVersionView } from "../scorecards/data";

export interface ReviewReasonOption {
  code: string;
  label: string;
}

/** The flag reasons offered to reviewers, in their order (retired ones are kept for old verdicts, not offered). */
export async function listReasons(): Promise<ReviewReasonOption[]> {
  return prisma.reviewReason.findMany({
    where: { active: true },
    orderBy: [{ position: "asc" }, { code: "asc" }],
    select: { code: true, label: true },
  });
}

export interface IntentOption {
  tagId: string;
  code: number;
  name: string | null;
}

/** Intent levels seen in the data (tag group + level), to correct a label with. */
export async function intentOptions(): Promise<IntentOption[]> {
  const rows = await prisma.$queryRaw<{ tag_id: bigint; code: number; name: string | null }[]>(Prisma.sql`
    SELECT intent_level_tag_id AS tag_id, intent_level_code AS code, min(intent_level_detail_name) AS name
    FROM call_records WHERE intent_level_tag_id IS NOT NULL AND intent_level_code IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 500`);
  return rows.map((r) => ({ tagId: r.tag_id.toString(), code: r.code, name: r.name }));
}

/** People who gave verdicts, for the reviewer filter. */
export async function listReviewers(): Promise<{ id: string; name: string; email: string }[]> {
  const rows = await prisma.$queryRaw<{ id: bigint; name: string; email: string }[]>(Prisma.sql`
    SELECT u.id, u.name, u.email FROM users u
    WHERE u.role IN ('reviewer', 'supervisor', 'admin') OR EXISTS (SELECT 1 FROM reviews r WHERE r.reviewer_id = u.id)
    ORDER BY u.name, u.id`);
  return rows.map((r) => ({ id: r.id.toString(), name: r.name, email: r.email }));
}

export interface ReviewComment {
  id: string;
  positionMs: number;
  body: string;
  author: string;
  createdAt: string;
}

/** A recording's comment as pages show it. */
function commentView(c: {
  id: bigint;
  positionMs: number;
  body: string;
  author: { name: string };
  createdAt: Date;
}): ReviewComment {
  return {
    id: c.id.toString(),
    positionMs: c.positionMs,
    body: c.body,
    author: c.author.name,
    createdAt: c.createdAt.toISOString(),
  };
}

export interface ReviewItem {
  callRecordId: string;
  jobId: string;
  jobName: string | null;
  resultStatus: string | null;
  startTime: string | null;
  chatDuration: number | null;
  /** Masked, as everywhere on screen. */
  name: string | null;
  calledPhoneNumber: string | null;
  intent: { tagId: string | null; code: number | null; name: string | null };
  correctedIntent: { tagId: string; code: number; name: string | null } | null;
  reviewState: "unreviewed" | "passed" | "flagged";
  reviewedAt: string | null;
  reviewedBy: string | null;
  /** Reasons and notes of the current verdict. */
  reasons: string[];
  notes: string | null;
  hasAudio: boolean;
  audio: RecordingStatus;
  comments: ReviewComment[];
  /** Masked like the rest; null: no transcript was sent. */
  transcript: TranscriptView | null;
  /** The latest version of the scorecard that applies to the record's job; null: none, a verdict alone. */
  scorecard: ScorecardVersionView | null;
  history: ({ verdict: string; reasons: string[]; notes: string | null; reviewer: string; at: string } & ScoreNote)[];
}

/** A review's score as its history shows it: the score, critical failure and the scorecard version it was scored with. */
export interface ScoreNote {
  score: number | null;
  criticalFailed: boolean | null;
  scorecard: string | null;
}

const scoreInclude = {
  scorecardVersion: { select: { version: true, scorecard: { select: { name: true } } } },
} as const;
const scoreNote = (h: {
  score: number | null;
  criticalFailed: boolean | null;
  scorecardVersion: { version: number; scorecard: { name: string } } | null;
}): ScoreNote => ({
  score: h.score,
  criticalFailed: h.criticalFailed,
  scorecard: h.scorecardVersion ? `${h.scorecardVersion.scorecard.name} v${h.scorecardVersion.version}` : null,
});

/** One record as the review screen shows it (strings only: it crosses to the browser). */
export async function getReviewItem(callRecordId: bigint): Promise<ReviewItem | null> {
  const r = await prisma.callRecord.findUnique({
    where: { callRecordId },
    select: {
      id: true,
      callRecordId: true,
      robotCallJobId: true,
      resultStatus: true,
      startTime: true,
      chatDuration: true,
      name: true,
      calledPhoneNumber: true,
      intentLevelTagId: true,
      intentLevelCode: true,
      intentLevelDetailName: true,
      correctedIntentTagId: true,
      correctedIntentCode: true,
      correctedIntentName: true,
      reviewState: true,
      reviewedAt: true,
      reviewedBy: { select: { name: true } },
    },
  });
  if (!r) return null;
  const [source, comments, history, job, utterances, phrases, scorecard] = await Promise.all([
    getRecordingSource(callRecordId),
    prisma.reviewComment.findMany({
      where: { recordId: r.id },
      orderBy: [{ positionMs: "asc" }, { id: "asc" }],
      include: { author: { select: { name: true } } },
    }),
    prisma.review.findMany({
      where: { recordId: r.id },
      orderBy: { id: "desc" },
      take: 20,
      include: { reviewer: { select: { name: true } }, ...scoreInclude },
    }),
    getJobName(r.robotCallJobId),
    transcriptOf(r.id),
    phraseFindingsOf(r.id),
    scorecardForJob(r.robotCallJobId),
  ]);
  const current = history[0];
  return {
    callRecordId: r.callRecordId.toString(),
    jobId: r.robotCallJobId.toString(),
    jobName: job?.name ?? null,
    resultStatus: r.resultStatus,
    startTime: r.startTime?.toISOString() ?? null,
    chatDuration: r.chatDuration,
    name: maskName(r.name),
    calledPhoneNumber: maskPhone(r.calledPhoneNumber),
    intent: { tagId: r.intentLevelTagId?.toString() ?? null, code: r.intentLevelCode, name: r.intentLevelDetailName },
    correctedIntent:
      r.correctedIntentTagId !== null && r.correctedIntentCode !== null
        ? { tagId: r.correctedIntentTagId.toString(), code: r.correctedIntentCode, name: r.correctedIntentName }
        : null,
    reviewState: r.reviewState,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewedBy: r.reviewedBy?.name ?? null,
    reasons: r.reviewState === "flagged" && current ? current.reasons : [],
    notes: r.reviewState !== "unreviewed" && current ? current.notes : null,
    hasAudio: Boolean(source?.fullAudioUrl || source?.archive?.fileName),
    audio: source ? recordingStatus(source) : "none",
    comments: comments.map(commentView),
    transcript: buildTranscriptView(utterances, phrases, { phone: r.calledPhoneNumber, name: r.name }),
    scorecard,
    history: history.map((h) => ({
      verdict: h.verdict,
      reasons: h.reasons,
      notes: h.notes,
      reviewer: h.reviewer.name,
      at: h.createdAt.toISOString(),
      ...scoreNote(h),
    })),
  };
}

/** Every reason's label by code, retired ones included (old verdicts keep their codes). */
export async function reasonLabels(): Promise<Record<string, string>> {
  const rows = await prisma.reviewReason.findMany({ select: { code: true, label: true } });
  return Object.fromEntries(rows.map((r) => [r.code, r.label]));
}

export interface RecordReview extends ScoreNote {
  verdict: "passed" | "flagged" | null;
  reasons: string[];
  notes: string | null;
  reviewer: string | null;
  at: Date | null;
  comments: ReviewComment[];
}

/** The current verdict (reasons, notes) and the recording's comments, as a record's page shows them to anyone who can see the record. */
export async function getRecordReview(
  recordId: bigint,
  reviewState: "unreviewed" | "passed" | "flagged",
): Promise<RecordReview> {
  const [current, comments] = await Promise.all([
    reviewState === "unreviewed"
      ? null
      : prisma.review.findFirst({
          where: { recordId },
          orderBy: { id: "desc" },
          include: { reviewer: { select: { name: true } }, ...scoreInclude },
        }),
    prisma.reviewComment.findMany({
      where: { recordId },
      orderBy: [{ positionMs: "asc" }, { id: "asc" }],
      take: 200,
      include: { author: { select: { name: true } } },
    }),
  ]);
  return {
    verdict: current ? current.verdict : null,
    reasons: current && current.verdict === "flagged" ? current.reasons : [],
    notes: current?.notes ?? null,
    reviewer: current?.reviewer.name ?? null,
    at: current?.createdAt ?? null,
    ...(current ? scoreNote(current) : { score: null, criticalFailed: null, scorecard: null }),
    comments: comments.map(commentView),
  };
}

/** Every verdict given on one record (by internal id), newest first. */
export async function recordReviews(recordId: bigint) {
  const rows = await prisma.review.findMany({
    where: { recordId },
    orderBy: { id: "desc" },
    take: 100,
    include: { reviewer: { select: { name: true } } },
  });
  return rows.map((h) => ({
    verdict: h.verdict,
    reasons: h.reasons,
    notes: h.notes,
    reviewer: h.reviewer.name,
    at: h.createdAt,
  }));
}
