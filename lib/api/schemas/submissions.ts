import { z } from "zod";
import { positiveInt64IdSchema } from "../../input/schema";
import { APPROVAL_REASONS } from "../../approvals/status";
import { approvalSchema } from "./approvals";
import { dateTime, idParam, int64String } from "./common";
import { countFields } from "./count-fields";
import { heldBackSchema } from "./held-back";

/** `awaiting_approval`: waiting for a second supervisor; `rejected` and `expired` (24 h): ended with nothing sent. */
export const BATCH_STATES = [
  "running",
  "paused",
  "done",
  "cancelled",
  "awaiting_approval",
  "rejected",
  "expired",
] as const;

export const submissionParams = z.object({ id: idParam });

export const createSubmissionBody = z
  .strictObject({
    filter: z
      .string()
      .max(4000)
      .optional()
      .meta({ description: "a /calls query string, e.g. `job=123&submission=rejected`" }),
    ids: z.array(positiveInt64IdSchema("must be a call_record_id")).min(1).max(10_000).optional(),
    resend_accepted: z.boolean().default(false).meta({ description: "also send records TOP already accepted" }),
    dry_run: z.boolean().default(false).meta({ description: "answer the pre-submit check only; nothing is created" }),
  })
  .refine((b) => (b.filter === undefined) !== (b.ids === undefined), {
    message: "give exactly one of filter or ids",
    path: ["filter"],
  })
  .meta({ id: "SubmissionRequest" });

export const resubmitBody = z
  .strictObject({
    failure_code: z
      .string()
      .max(200)
      .nullable()
      .optional()
      .meta({ description: "only the failure group with this code (null: the group without a code)" }),
    dry_run: z.boolean().default(false),
  })
  .meta({ id: "ResubmitRequest" });

const counts = z.strictObject(
  countFields("queued", "in_flight", "retrying", "accepted", "rejected", "failed", "cancelled"),
);

export const batchSchema = z
  .strictObject({
    id: int64String,
    kind: z.string(),
    state: z.enum(BATCH_STATES),
    created_by: z.string(),
    created_at: dateTime,
    finished_at: dateTime.nullable(),
    paused_reason: z.string().nullable(),
    resend_accepted: z.boolean(),
    selection: z.unknown(),
    total: z.number().int(),
    counts,
    throughput: z
      .number()
      .nullable()
      .meta({ description: "answers per second over the recent window; null while it is still being estimated" }),
    eta_seconds: z.number().int().nullable(),
  })
  .meta({ id: "SubmissionBatch" });

export const createdBatchSchema = z
  .strictObject({
    id: int64String,
    state: z.enum(BATCH_STATES),
    counts,
    total: z.number().int(),
    held_back: heldBackSchema,
  })
  .meta({ id: "CreatedSubmission" });

export const dryRunSchema = z
  .strictObject({
    dry_run: z.literal(true),
    matching: z.number().int(),
    sendable: z.number().int(),
    held_back: heldBackSchema,
    estimated_seconds: z.number().int(),
    corrected_intent: z.number().int().meta({ description: "records to be sent with a reviewer's corrected intent" }),
    approval_reasons: z.array(z.enum(APPROVAL_REASONS)).meta({
      description:
        "why the batch would wait for a second supervisor (`threshold`, `resend_accepted`); empty: it would start at once",
    }),
  })
  .meta({ id: "SubmissionCheck" });

export const batchDetailSchema = z
  .strictObject({
    ...batchSchema.shape,
    approval: approvalSchema.nullable(),
    failure_groups: z.array(
      z.strictObject({
        state: z.enum(["rejected", "failed"]),
        code: z.string().nullable(),
        message: z.string().nullable(),
        count: z.number().int(),
        sample_ids: z.array(int64String),
      }),
    ),
  })
  .meta({ id: "SubmissionBatchDetail" });

export const batchListSchema = z
  .strictObject({
    data: z.array(batchSchema),
    next_cursor: z
      .string()
      .nullable()
      .meta({ description: "pass as `cursor` for the next (older) page; null on the last" }),
  })
  .meta({ id: "SubmissionBatchList" });
export const listSubmissionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: idParam.optional().meta({ description: "next_cursor of the previous page" }),
});
export const cancelledSchema = z.strictObject({
  id: int64String,
  state: z.literal("cancelled"),
  cancelled: z.number().int(),
});
