import { z } from "zod";
import { callFiltersSchema } from "../../call-records/query/filters";
import { REVIEW_STATES, SUBMISSION_STATES } from "../../call-records/query/filter-values";
import { evidenceReason } from "../../evidence/schema";
import { dateTime, idParam, int64String, total } from "./common";
import { COMPLIANCE_KINDS } from "../../compliance/flags";

/** The /calls URL parameters (the page's own schema), plus what only the API has. */
export const callRecordsQuery = callFiltersSchema.extend({
  unmasked: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "true: full phone numbers and names (owners who may reveal them; audited)" }),
  reason: z
    .string()
    .max(500)
    .optional()
    .meta({ description: "Why the numbers are revealed (kept on the audit trail)" }),
});
/** Parameters that repeat (`status=A&status=B`). */
export const REPEATED_PARAMS = new Set(["job", "status", "intent", "submission", "review", "compliance", "reviewer"]);

export const callRecordParams = z.object({ call_record_id: idParam });

export const evidenceQuery = z.object({
  reason: evidenceReason.meta({
    description: "Why the bundle is exported, 5 to 500 characters (kept on the audit trail)",
  }),
});

export const lastOutcomeSchema = z
  .strictObject({
    count: z.number().int().nullable(),
    success: z.boolean().nullable(),
    code: z.string().nullable(),
    message: z.string().nullable(),
  })
  .meta({
    id: "LvmsResultDto",
    description: "TOP's answer to the last attempt (lvms_result_d_t_o), or the error_response code and message",
  });

export const submissionSummary = z.strictObject({
  state: z.enum(SUBMISSION_STATES),
  attempts: z.number().int().nonnegative(),
  last_outcome: lastOutcomeSchema.nullable(),
});

const intentSchema = z.strictObject({ tag_id: int64String, code: z.number().int(), name: z.string().nullable() });

export const reviewSummary = z.strictObject({
  state: z.enum(REVIEW_STATES),
  reviewed_by: z.string().nullable(),
  corrected_intent: intentSchema.nullable(),
  score: z
    .number()
    .nullable()
    .meta({ description: "the current review's scorecard score, 0-100 (two decimals); null when unscored" }),
  critical_failed: z
    .boolean()
    .nullable()
    .meta({ description: "whether the current review failed a critical scorecard item; null when unscored" }),
});

const recordFields = {
  call_record_id: int64String,
  robot_call_job_id: int64String,
  called_phone_number: z.string().nullable().meta({ description: "masked unless unmasked=true" }),
  phone_number: z.string().nullable().meta({ description: "masked unless unmasked=true" }),
  name: z.string().nullable().meta({ description: "masked unless unmasked=true" }),
  result_status: z.string().nullable(),
  intent_level_tag_id: int64String.nullable(),
  intent_level_code: z.number().int().nullable(),
  intent_level_detail_name: z.string().nullable(),
  chat_duration: z.number().int().nullable(),
  start_time: dateTime.nullable(),
  tenant_phone_number_id: int64String.nullable(),
  has_audio: z.boolean(),
  compliance_flags: z
    .array(z.enum(COMPLIANCE_KINDS))
    .meta({ description: "compliance kinds found by the automatic checks (docs/compliance.md)" }),
  submission: submissionSummary,
  review: reviewSummary,
};

export const callRecordSchema = z.strictObject(recordFields).meta({ id: "CallRecord" });

export const callRecordPageSchema = z
  .strictObject({
    data: z.array(callRecordSchema),
    next_cursor: z.string().nullable().meta({ description: "pass as `cursor` for the next page; null on the last" }),
    total,
  })
  .meta({ id: "CallRecordPage" });

export const attemptSchema = z
  .strictObject({
    attempt: z.number().int(),
    batch_id: int64String,
    sent_at: dateTime,
    answered_at: dateTime,
    latency_ms: z.number(),
    http_status: z.number().int().nullable(),
    request_id: z.string().nullable(),
    outcome: z.string(),
    lvms_result_d_t_o: lastOutcomeSchema.nullable(),
    error_response: z
      .strictObject({
        code: z.number().int().nullable(),
        msg: z.string().nullable(),
        sub_code: z.string().nullable(),
        sub_msg: z.string().nullable(),
      })
      .nullable(),
    transport_error: z.string().nullable(),
    params: z.unknown().meta({ description: "exactly the parameters sent (the secret is never one)" }),
    raw_answer: z.string().nullable(),
  })
  .meta({ id: "SubmissionAttempt" });

export const reviewEntrySchema = z.strictObject({
  verdict: z.string(),
  reasons: z.array(z.string()),
  notes: z.string().nullable(),
  reviewer: z.string(),
  at: dateTime,
});

export const callRecordDetailSchema = z
  .strictObject({
    ...recordFields,
    end_time: dateTime.nullable(),
    full_audio_url: z.string().nullable(),
    properties: z.string().nullable(),
    rpc_context: z.unknown(),
    source: z.string(),
    source_name: z.string().nullable().meta({ description: "the named ingest token it came through" }),
    received_at: dateTime,
    attempts: z.array(attemptSchema),
    reviews: z.array(reviewEntrySchema),
  })
  .meta({ id: "CallRecordDetail" });
