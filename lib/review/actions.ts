"use server";

import { ActionError, defineAction } from "../actions/wrapper";
import { countMatching } from "../call-records/query/count";
import { parseCallFilters } from "../call-records/query/filters";
import { getEnv } from "../env";
import { getReviewItem, type ReviewComment, type ReviewItem } from "./data";
import { addComment, claimHolder, claimNext, releaseClaim, renewClaim, submitVerdict } from "./mutations";
import { queueParams } from "./queue";
import { claimRecordSchema, claimSchema, commentSchema, verdictSchema } from "./schema";

const ttlMs = () => getEnv().REVIEW_CLAIM_MINUTES * 60_000;

/** The next record of a queue for this reviewer, claimed for them; null when the queue is done. */
export const claimNextRecord = defineAction({
  name: "review.claimNext",
  permission: "review:write",
  input: claimSchema,
  handler: async (
    input,
    { user },
  ): Promise<{ item: ReviewItem | null; remaining: { value: number; exact: boolean } }> => {
    const timeZone = getEnv().DISPLAY_TIME_ZONE;
    const { filters } = parseCallFilters(queueParams(new URLSearchParams(input.query), timeZone));
    const id = await claimNext(user.id, filters, timeZone, { exclude: input.exclude.map(BigInt), ttlMs: ttlMs() });
    const [item, remaining] = await Promise.all([
      id === null ? null : getReviewItem(id),
      countMatching(filters, timeZone),
    ]);
    return { item, remaining };
  },
});

/** Keeps the record in front of the reviewer claimed while they work on it. */
export const renewRecordClaim = defineAction({
  name: "review.renewClaim",
  permission: "review:write",
  input: claimRecordSchema,
  handler: async ({ callRecordId }, { user }) => {
    const held = await renewClaim(user.id, BigInt(callRecordId), ttlMs());
    return { held, heldBy: held ? null : await claimHolder(user.id, BigInt(callRecordId)) };
  },
});

/** Gives a record back to the queue (skipped, or the reviewer left). */
export const releaseRecordClaim = defineAction({
  name: "review.releaseClaim",
  permission: "review:write",
  input: claimRecordSchema,
  handler: async ({ callRecordId }, { user }) => {
    await releaseClaim(user.id, BigInt(callRecordId));
    return { released: true };
  },
});

/** Pass or flag (with reasons), notes, and optionally a corrected intent. */
export const submitReviewVerdict = defineAction({
  name: "review.submitVerdict",
  permission: "review:write",
  input: verdictSchema,
  handler: async (input, { user }) =>
    submitVerdict(user, {
      callRecordId: BigInt(input.callRecordId),
      verdict: input.verdict,
      reasons: input.reasons,
      notes: input.notes,
      correctedIntent: input.correctedIntent,
      scorecard: input.scorecard,
    }),
});

/** A comment pinned to a moment of the recording. */
export const addReviewComment = defineAction({
  name: "review.addComment",
  permission: "review:write",
  input: commentSchema,
  handler: async (input, { user }): Promise<ReviewComment[]> => {
    await addComment(user, {
      callRecordId: BigInt(input.callRecordId),
      positionMs: input.positionMs,
      body: input.body,
    });
    const item = await getReviewItem(BigInt(input.callRecordId));
    if (!item) throw new ActionError("not_found", `No call record ${input.callRecordId}.`);
    return item.comments;
  },
});
