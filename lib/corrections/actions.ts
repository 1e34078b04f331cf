"use server";

import { z } from "zod";
import { ActionError, defineAction } from "../actions/wrapper";
import { can } from "../auth/permissions";
import { getEnv } from "../env";
import { int64IdSchema } from "../input/schema";
import { currentRequestId } from "../http/request-id";
import { bulkFixSchema, previewBulkFix, submitBulkFix, BULK_FIX_MAX } from "./bulk";
import { saveCorrection, withdrawCorrection } from "./mutations";
import { correctionInputSchema } from "./schema";
import { payloadView, planView, type CorrectionAnswer } from "./views";

const TOO_MANY = `This group has more than ${BULK_FIX_MAX} records: fix it in parts from /calls.`;

/** Corrects reported fields of one record. Invalid values are an answer (an error per field), not a failure. */
export const correctRecord = defineAction({
  name: "corrections.correct",
  permission: "calls:correct",
  input: correctionInputSchema,
  handler: async (input, { user }): Promise<CorrectionAnswer> => {
    const out = await saveCorrection({
      callRecordId: BigInt(input.callRecordId),
      fields: input.fields,
      reason: input.reason,
      actor: user,
    });
    if (!out.ok && out.code === "not_found")
      throw new ActionError("not_found", `No call record ${input.callRecordId}.`);
    return out.ok ? { saved: true, payload: payloadView(out.payload) } : { saved: false, errors: out.errors };
  },
});

export const withdrawRecordCorrection = defineAction({
  name: "corrections.withdraw",
  permission: "calls:correct",
  input: z.object({ callRecordId: int64IdSchema }),
  handler: async ({ callRecordId }, { user }) => {
    const out = await withdrawCorrection({ callRecordId: BigInt(callRecordId), actor: user });
    if (!out.ok) throw new ActionError("not_found", `No call record ${callRecordId}.`);
    return { withdrawn: out.withdrawn, payload: payloadView(out.payload) };
  },
});

export const previewGroupFix = defineAction({
  name: "corrections.previewBulkFix",
  permission: "calls:correct",
  input: bulkFixSchema,
  handler: async (input) => {
    const plan = await previewBulkFix(input);
    if (plan === "too_many") throw new ActionError("too_many", TOO_MANY);
    return planView(plan);
  },
});

/** Corrects every record of a failure group and resubmits the group (a send to TOP: submissions:write too). */
export const fixGroupAndResubmit = defineAction({
  name: "corrections.bulkFix",
  permission: "calls:correct",
  input: bulkFixSchema,
  handler: async (input, { user }) => {
    if (!can(user.role, "submissions:write")) throw new ActionError("forbidden", "You may not submit to TOP.");
    const out = await submitBulkFix(input, {
      actor: user,
      timeZone: getEnv().DISPLAY_TIME_ZONE,
      requestId: await currentRequestId(),
    });
    if (out.ok) return { batchId: out.batch.batchId.toString(), queued: out.batch.queued, corrected: out.corrected };
    if (out.code === "too_many") throw new ActionError("too_many", TOO_MANY);
    if (out.code === "empty")
      throw new ActionError("empty", "No record of this group is still failing: there is nothing left to fix.");
    if (out.code === "pending")
      throw new ActionError(
        "pending",
        `A bulk fix of this group already waits for approval (batch #${out.plan?.pendingBatchId}): nothing was changed.`,
      );
    const first = out.plan?.invalidSamples[0];
    throw new ActionError(
      "invalid_value",
      `The new value is not valid for ${out.plan?.invalid ?? 0} record(s)` +
        (first ? ` (${first.callRecordId}: ${first.errors.map((e) => `${e.field} ${e.message}`).join("; ")})` : "") +
        ": nothing was changed.",
    );
  },
});
