import { z } from "zod";
import { APPROVAL_REASONS } from "../../approvals/status";
import { dateTime, int64String } from "./common";
import { heldBackSchema } from "./held-back";

export const decisionBody = z
  .strictObject({
    comment: z
      .string()
      .max(2000)
      .optional()
      .meta({ description: "why; required to reject (the requester reads it), optional to approve" }),
  })
  .meta({ id: "ApprovalDecision" });

export const approvalSchema = z
  .strictObject({
    reasons: z.array(z.enum(APPROVAL_REASONS)),
    requested_by: z.string(),
    requested_at: dateTime,
    expires_at: dateTime.meta({ description: "24 h after the request: it cannot be approved after" }),
    held_back: heldBackSchema
      .nullable()
      .meta({ description: "the pre-submit check's held-back records when it was requested" }),
    diff_sample: z.unknown().meta({ description: "for a bulk fix: the first records' payload diffs" }),
    decision: z.enum(["approved", "rejected", "expired"]).nullable(),
    decided_by: z.string().nullable(),
    decided_at: dateTime.nullable(),
    comment: z.string().nullable(),
  })
  .meta({ id: "SubmissionApproval" });

export const decidedSchema = z
  .strictObject({
    id: int64String,
    state: z.enum(["running", "rejected"]).meta({ description: "`running`: approved and sending; `rejected`: ended" }),
  })
  .meta({ id: "ApprovalDecided" });
