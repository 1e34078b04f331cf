import "server-only";
import { ActionError } from "../actions/wrapper";
import { recordAudit } from "../audit/mutations";
import type { SessionUser } from "../auth/sessions";
import { orderBy, parseSort } from "../call-records/query/cursor";
import type { CallFilters } from "../call-records/query/filters";
import { callFiltersWhere } from "../call-records/query/where";
import { Prisma, prisma } from "../db/client";
import { NO_SCORE, scoreForVerdict } from "../scorecards/review-score";
import type { ScoredInput } from "../scorecards/schema";
import type { CorrectedIntent, Verdict } from "./schema";

/**
 * Claims: a reviewer working a queue holds the record in front of them for
 * REVIEW_CLAIM_MINUTES (renewed while they stay on it), so two reviewers on
 * the same queue never get the same record at the same time. Claiming is one
 * statement: the candidate row is locked (SKIP LOCKED: a concurrent claimer
 * moves on to the next one) and the claim is inserted unless someone else
 * holds an unexpired one, which the ON CONFLICT … WHERE settles atomically.
 */
export async function claimNext(
  userId: bigint,
  filters: CallFilters,
  timeZone: string,
  opts: { exclude: bigint[]; ttlMs: number },
): Promise<bigint | null> {
  const { key, desc } = parseSort(filters.sort);
  const notMine = Prisma.sql`NOT EXISTS (SELECT 1 FROM review_claims c WHERE c.record_id = call_records.id AND c.user_id <> ${userId} AND c.expires_at > now())`;
  const notDone = opts.exclude.length ? [Prisma.sql`call_record_id NOT IN (${Prisma.join(opts.exclude)})`] : [];
  // The record this reviewer already holds in this queue comes first (a reload does not skip it).
  const held = Prisma.sql`EXISTS (SELECT 1 FROM review_claims c WHERE c.record_id = call_records.id AND c.user_id = ${userId} AND c.expires_at > now())`;
  const [mine] = await prisma.$queryRaw<{ call_record_id: bigint }[]>(Prisma.sql`
    SELECT call_record_id FROM call_records ${callFiltersWhere({ ...filters, cursor: undefined }, timeZone, [held, ...notDone])}
    ${orderBy(key, desc)} LIMIT 1`);
  if (mine) return mine.call_record_id;
  const where = callFiltersWhere({ ...filters, cursor: undefined }, timeZone, [notMine, ...notDone]);
  for (let attempt = 0; attempt < 8; attempt++) {
    const [row] = await prisma.$queryRaw<{ candidate: bigint | null; claimed: bigint | null }[]>(Prisma.sql`
      WITH candidate AS (
        SELECT id, call_record_id FROM call_records ${where} ${orderBy(key, desc)} LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED
      ), claimed AS (
        INSERT INTO review_claims (record_id, user_id, expires_at)
        SELECT id, ${userId}, now() + ${opts.ttlMs} * interval '1 millisecond' FROM candidate
        ON CONFLICT (record_id) DO UPDATE SET user_id = EXCLUDED.user_id, claimed_at = now(), expires_at = EXCLUDED.expires_at
        WHERE review_claims.expires_at <= now() OR review_claims.user_id = EXCLUDED.user_id
        RETURNING record_id
      ), others AS (
        -- One record at a time: moving on gives back what this reviewer held before.
        DELETE FROM review_claims WHERE user_id = ${userId} AND EXISTS (SELECT 1 FROM claimed) AND record_id NOT IN (SELECT record_id FROM claimed)
      )
      SELECT (SELECT call_record_id FROM candidate) AS candidate,
             (SELECT c.call_record_id FROM candidate c JOIN claimed ON claimed.record_id = c.id) AS claimed`);
    if (!row?.candidate) return null; // the queue is empty (for this reviewer)
    if (row.claimed) return row.claimed;
    // Someone claimed it between our look and our insert: look again.
  }
  return null;
}

/** Keeps the record for another claim period; false when someone else holds it now. */
export async function renewClaim(userId: bigint, callRecordId: bigint, ttlMs: number): Promise<boolean> {
  const n = await prisma.$executeRaw(Prisma.sql`
    INSERT INTO review_claims (record_id, user_id, expires_at)
    SELECT id, ${userId}, now() + ${ttlMs} * interval '1 millisecond' FROM call_records WHERE call_record_id = ${callRecordId}
    ON CONFLICT (record_id) DO UPDATE SET user_id = EXCLUDED.user_id, expires_at = EXCLUDED.expires_at
    WHERE review_claims.expires_at <= now() OR review_claims.user_id = EXCLUDED.user_id`);
  return n === 1;
}

export async function releaseClaim(userId: bigint, callRecordId: bigint): Promise<void> {
  await prisma.$executeRaw(Prisma.sql`
    DELETE FROM review_claims WHERE user_id = ${userId} AND record_id = (SELECT id FROM call_records WHERE call_record_id = ${callRecordId})`);
}

/** Who else holds a record right now (shown, not enforced: a verdict is always accepted). */
export async function claimHolder(userId: bigint, callRecordId: bigint): Promise<string | null> {
  const [row] = await prisma.$queryRaw<{ name: string }[]>(Prisma.sql`
    SELECT u.name FROM review_claims c JOIN users u ON u.id = c.user_id JOIN call_records r ON r.id = c.record_id
    WHERE r.call_record_id = ${callRecordId} AND c.user_id <> ${userId} AND c.expires_at > now()`);
  return row?.name ?? null;
}

/**
 * Records a verdict: a row in reviews (the history), the record's current
 * review state, reviewer and corrected intent, and the claim released — in
 * one transaction; then the audit trail. With a scorecard, the review keeps
 * its version, answers and score, and the record's current score follows it;
 * a verdict without one clears the record's score (it is the current review's).
 */
export async function submitVerdict(
  user: SessionUser,
  input: {
    callRecordId: bigint;
    verdict: Verdict;
    reasons: string[];
    notes?: string;
    correctedIntent?: CorrectedIntent | null;
    scorecard?: ScoredInput;
  },
): Promise<{ reviewState: Verdict; score: number | null; criticalFailed: boolean | null }> {
  const reasons = [...new Set(input.reasons)];
  const outcome = await prisma.$transaction(async (tx) => {
    const record = await tx.callRecord.findUnique({
      where: { callRecordId: input.callRecordId },
      select: {
        id: true,
        reviewState: true,
        correctedIntentTagId: true,
        correctedIntentCode: true,
        correctedIntentName: true,
      },
    });
    if (!record) throw new ActionError("not_found", `No call record ${input.callRecordId}.`);
    if (reasons.length) {
      const known = await tx.reviewReason.findMany({
        where: { code: { in: reasons }, active: true },
        select: { code: true },
      });
      const unknown = reasons.filter((r) => !known.some((k) => k.code === r));
      if (unknown.length) throw new ActionError("invalid_input", `Unknown reason: ${unknown.join(", ")}.`);
    }
    let corrected = {
      tagId: record.correctedIntentTagId,
      code: record.correctedIntentCode,
      name: record.correctedIntentName,
    };
    if (input.correctedIntent === null) corrected = { tagId: null, code: null, name: null };
    else if (input.correctedIntent) {
      const tagId = BigInt(input.correctedIntent.tagId);
      let name = input.correctedIntent.name ?? null;
      if (!name) {
        const [known] = await tx.$queryRaw<{ name: string | null }[]>(Prisma.sql`
          SELECT min(intent_level_detail_name) AS name FROM call_records
          WHERE intent_level_tag_id = ${tagId} AND intent_level_code = ${input.correctedIntent.code}`);
        name = known?.name ?? null;
      }
      corrected = { tagId, code: input.correctedIntent.code, name };
    }
    const scored = input.scorecard ? await scoreForVerdict(tx, input.scorecard, input.verdict) : NO_SCORE;
    await tx.review.create({
      data: {
        recordId: record.id,
        reviewerId: user.id,
        verdict: input.verdict,
        reasons,
        notes: input.notes ?? null,
        correctedIntentTagId: corrected.tagId,
        correctedIntentCode: corrected.code,
        correctedIntentName: corrected.name,
        scorecardVersionId: scored.scorecardVersionId,
        answers: scored.answers ?? Prisma.DbNull,
        score: scored.score,
        criticalFailed: scored.criticalFailed,
      },
    });
    await tx.callRecord.update({
      where: { id: record.id },
      data: {
        reviewState: input.verdict,
        reviewedAt: new Date(),
        reviewedById: user.id,
        correctedIntentTagId: corrected.tagId,
        correctedIntentCode: corrected.code,
        correctedIntentName: corrected.name,
        reviewScore: scored.score,
        reviewCriticalFailed: scored.criticalFailed,
      },
    });
    await tx.reviewClaim.deleteMany({ where: { recordId: record.id } });
    const intentChanged =
      corrected.tagId !== record.correctedIntentTagId || corrected.code !== record.correctedIntentCode;
    return { previous: record.reviewState, intentChanged, corrected, scored };
  });
  const target = `call:${input.callRecordId}`;
  await recordAudit({
    actor: user,
    action: input.verdict === "passed" ? "review.pass" : "review.flag",
    target,
    details: {
      previous: outcome.previous,
      reasons,
      notes: input.notes ? true : undefined,
      scorecardVersionId: outcome.scored.scorecardVersionId?.toString(),
      score: outcome.scored.score ?? undefined,
      criticalFailed: outcome.scored.criticalFailed ?? undefined,
    },
  });
  if (outcome.intentChanged) {
    await recordAudit({
      actor: user,
      action: "review.correct_intent",
      target,
      details: {
        corrected:
          outcome.corrected.tagId === null
            ? null
            : { tagId: outcome.corrected.tagId, code: outcome.corrected.code, name: outcome.corrected.name },
      },
    });
  }
  return { reviewState: input.verdict, score: outcome.scored.score, criticalFailed: outcome.scored.criticalFailed };
}

export async function addComment(
  user: SessionUser,
  input: { callRecordId: bigint; positionMs: number; body: string },
): Promise<{ id: string }> {
  const record = await prisma.callRecord.findUnique({
    where: { callRecordId: input.callRecordId },
    select: { id: true },
  });
  if (!record) throw new ActionError("not_found", `No call record ${input.callRecordId}.`);
  const c = await prisma.reviewComment.create({
    data: { recordId: record.id, authorId: user.id, positionMs: input.positionMs, body: input.body },
  });
  await recordAudit({
    actor: user,
    action: "review.comment",
    target: `call:${input.callRecordId}`,
    details: { positionMs: input.positionMs },
  });
  return { id: c.id.toString() };
}
