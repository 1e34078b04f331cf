"use server";

import { z } from "zod";
import { assertRecentAuth } from "../auth/recent-auth";
import { ActionError, defineAction } from "../actions/wrapper";
import { orRefuse } from "../actions/refusals";
import { auditBy } from "../audit/mutations";
import { prisma } from "../db/client";
import { getEnv, workerConfig } from "../env";
import { approvalReasons as wouldNeedApprovalFor } from "../approvals/gate";
import { preSubmitCheck, type PreSubmitCheck } from "./data";
import { cancelBatch, createBatch, resumeBatch } from "./mutations";
import { submitRequestSchema, type Selection } from "./selection";
import { currentRequestId } from "../http/request-id";
import { int64IdSchema } from "../input/schema";

const id = int64IdSchema;

/** The pre-submit check's held-back counts, for a batch's approval request (read only when it must wait). */
function heldBackOf(
  selection: Selection,
  opts: { resendAccepted: boolean; onlyFailures?: boolean },
  timeZone: string,
): () => Promise<PreSubmitCheck["blocked"]> {
  return async () =>
    (
      await preSubmitCheck(selection, {
        resendAccepted: opts.resendAccepted,
        onlyFailures: opts.onlyFailures ?? false,
        maxQps: workerConfig().maxQps,
        timeZone,
      })
    ).blocked;
}

const notRunning = () => new ActionError("not_running", "This batch is not running any more.");
const notPaused = () => new ActionError("not_paused", "This batch is not paused.");

const wouldNeedApproval = (batch: { total: number; accepted: number; resendAccepted: boolean }) =>
  wouldNeedApprovalFor(batch, {});

/** What the pre-submit dialog shows before anything is sent. */
export const checkSubmission = defineAction({
  name: "submissions.check",
  permission: "submissions:write",
  input: submitRequestSchema,
  handler: async (input) => {
    const check = await preSubmitCheck(input.selection, {
      resendAccepted: input.resendAccepted,
      onlyFailures: input.onlyFailures,
      maxQps: workerConfig().maxQps,
      timeZone: getEnv().DISPLAY_TIME_ZONE,
    });
    // What the dialog says before sending: "this will wait for a second supervisor's approval".
    const approvalReasons = wouldNeedApproval({
      total: check.sendable,
      accepted: input.resendAccepted && !input.onlyFailures ? check.accepted : 0,
      resendAccepted: input.resendAccepted,
    });
    return { ...check, approvalReasons };
  },
});

/** Submits selected records, everything matching a filter, a job or a batch; `onlyFailures` resubmits the rejected and given-up ones. */
export const submitRecords = defineAction({
  name: "submissions.submit",
  permission: "submissions:write",
  input: submitRequestSchema,
  handler: async (input, { user, session }) => {
    // Sending again what TOP already accepted is a deliberate, sensitive choice.
    if (input.resendAccepted) assertRecentAuth(session);
    const timeZone = getEnv().DISPLAY_TIME_ZONE;
    const { batchId, queued, awaitingApproval } = await createBatch({
      selection: input.selection,
      kind: input.onlyFailures ? "resubmit" : "submit",
      createdBy: user.email,
      resendAccepted: input.resendAccepted,
      onlyFailures: input.onlyFailures,
      timeZone,
      requestId: await currentRequestId(),
      describeHeldBack: heldBackOf(input.selection, input, timeZone),
    });
    if (queued === 0)
      throw new ActionError("nothing_to_send", "None of these records can be sent: see the reasons in the check.");
    await auditBy(user, input.onlyFailures ? "submission.resubmit" : "submission.submit", `batch:${batchId}`, {
      selection: input.selection,
      resendAccepted: input.resendAccepted,
      queued,
      awaitingApproval,
    });
    return { batchId: batchId.toString(), queued, awaitingApproval };
  },
});

/**
 * Sends one record (again) from its detail page, after the same pre-submit
 * check as every other send: an accepted record goes only with `resendAccepted`.
 */
export const retryRecord = defineAction({
  name: "submissions.retryRecord",
  permission: "submissions:write",
  input: z.object({ callRecordId: id, resendAccepted: z.boolean().default(false) }),
  handler: async ({ callRecordId, resendAccepted }, { user }) => {
    const record = await prisma.callRecord.findUnique({
      where: { callRecordId: BigInt(callRecordId) },
      select: { submissionState: true },
    });
    if (!record) throw new ActionError("not_found", `No call record ${callRecordId}.`);
    if (["queued", "in_flight", "retrying"].includes(record.submissionState))
      throw new ActionError("in_flight", "This record is already being submitted.");
    if (record.submissionState === "accepted" && !resendAccepted) {
      throw new ActionError("accepted", "TOP has already accepted this record; choose to send it again explicitly.");
    }
    const selection = { type: "ids" as const, ids: [callRecordId] };
    const timeZone = getEnv().DISPLAY_TIME_ZONE;
    const { batchId, queued, awaitingApproval } = await createBatch({
      selection,
      kind: "retry",
      createdBy: user.email,
      resendAccepted,
      timeZone,
      requestId: await currentRequestId(),
      describeHeldBack: heldBackOf(selection, { resendAccepted }, timeZone),
    });
    if (queued === 0)
      throw new ActionError("blocked", "This record fails TOP's field rules and cannot be sent as it is.");
    await auditBy(user, "submission.retry_record", `call:${callRecordId}`, {
      batchId,
      resendAccepted,
      awaitingApproval,
    });
    return { batchId: batchId.toString(), awaitingApproval };
  },
});

export const cancelSubmissionBatch = defineAction({
  name: "submissions.cancel",
  permission: "submissions:write",
  input: z.object({ batchId: id }),
  handler: async ({ batchId }, { user }) => {
    const result = orRefuse(await cancelBatch(BigInt(batchId)), notRunning);
    await auditBy(user, "submission.cancel", `batch:${batchId}`, result);
    return result;
  },
});

export const resumeSubmissionBatch = defineAction({
  name: "submissions.resume",
  permission: "submissions:write",
  input: z.object({ batchId: id }),
  handler: async ({ batchId }, { user }) => {
    orRefuse(await resumeBatch(BigInt(batchId)), notPaused);
    await auditBy(user, "submission.resume", `batch:${batchId}`);
    return { resumed: true };
  },
});
