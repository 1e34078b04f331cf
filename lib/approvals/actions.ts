"use server";

import { ActionError, defineAction } from "../actions/wrapper";
import { auditBy } from "../audit/mutations";
import { decideApproval, type DecisionOutcome } from "./mutations";
import { approveInput, rejectInput } from "./schema";

const REFUSALS: Record<Exclude<DecisionOutcome, { ok: true }>["code"], string> = {
  not_found: "No such submission batch.",
  not_awaiting: "This batch is not waiting for approval.",
  own_request: "You requested this batch: another supervisor or an admin must approve or reject it.",
  expired: "This request expired (nobody decided within 24 hours): submit the records again.",
};

function refuse(outcome: Exclude<DecisionOutcome, { ok: true }>, batchId: string): never {
  const message =
    outcome.code === "not_awaiting" && outcome.state
      ? `This batch is not waiting for approval (it is ${outcome.state}).`
      : REFUSALS[outcome.code];
  throw new ActionError(outcome.code, outcome.code === "not_found" ? `No submission batch ${batchId}.` : message);
}

/** A second supervisor (or an admin) lets a waiting batch start; never its requester. */
export const approveSubmission = defineAction({
  name: "submissions.approve",
  permission: "submissions:approve",
  input: approveInput,
  handler: async ({ batchId, comment }, { user }) => {
    const outcome = await decideApproval(BigInt(batchId), "approved", user, comment || null);
    if (!outcome.ok) refuse(outcome, batchId);
    await auditBy(user, "submission.approve", `batch:${batchId}`, { comment: comment || null });
    return { batchId, state: outcome.state };
  },
});

/** Ends a waiting batch with nothing sent; the comment tells the requester why. */
export const rejectSubmission = defineAction({
  name: "submissions.reject",
  permission: "submissions:approve",
  input: rejectInput,
  handler: async ({ batchId, comment }, { user }) => {
    const outcome = await decideApproval(BigInt(batchId), "rejected", user, comment);
    if (!outcome.ok) refuse(outcome, batchId);
    await auditBy(user, "submission.reject", `batch:${batchId}`, { comment });
    return { batchId, state: outcome.state };
  },
});
