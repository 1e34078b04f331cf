import "server-only";
import { recordAudit } from "../../audit/mutations";
import { canAs } from "../../auth/permissions";
import { countMatching } from "../../call-records/query/count";
import { decodeCursor, parseSort } from "../../call-records/query/cursor";
import { getCallRecordDetail, listCallRecords, type CallRecordRow } from "../../call-records/query/data";
import { parseCallFilters } from "../../call-records/query/filters";
import { complianceKinds } from "../../compliance/flags";
import { getEnv } from "../../env";
import { maskName, maskPhone } from "../../privacy/mask";
import { recordReviews } from "../../review/data";
import { lastOutcomes, recordAttempts, type LastOutcome } from "../../submissions/data";
import { userName } from "../../users/data";
import type { TokenPrincipal } from "../../api-tokens/data";
import { ApiError, invalidParams } from "../errors";
import type { ApiAnswer, ApiRequest } from "../handler";
import { iso, str } from "../schemas/common";
import { callRecordsQuery } from "../schemas/call-records";

/** Whether this request reveals personal data: asked for, and allowed to the token's owner (else a 403, never a silent mask). */
function wantsUnmasked(url: URL, principal: TokenPrincipal): boolean {
  const raw = url.searchParams.get("unmasked");
  if (raw === null || raw === "false") return false;
  if (raw !== "true") throw invalidParams([{ param: "unmasked", message: "must be true or false" }]);
  if (!canAs({ role: principal.user.role, readOnly: principal.token.readOnly }, "pii:reveal")) {
    throw new ApiError(
      403,
      "forbidden",
      `The token's owner's role (${principal.user.role}) may not see full phone numbers and names.`,
      { param: "unmasked" },
    );
  }
  return true;
}

const reasonOf = (url: URL) => url.searchParams.get("reason")?.slice(0, 500) || "REST API";

function contact(unmasked: boolean, r: { called: string | null; phone: string | null; name: string | null }) {
  return unmasked
    ? { called_phone_number: r.called, phone_number: r.phone, name: r.name }
    : { called_phone_number: maskPhone(r.called), phone_number: maskPhone(r.phone), name: maskName(r.name) };
}

function submissionOf(state: string, o: LastOutcome | undefined) {
  return { state, attempts: o?.attempts ?? 0, last_outcome: o?.last ?? null };
}

function reviewOf(r: {
  review_state: string;
  reviewed_by: string | null;
  corrected_intent_tag_id: bigint | null;
  corrected_intent_code: number | null;
  corrected_intent_name: string | null;
  review_score: number | null;
  review_critical_failed: boolean | null;
}) {
  const corrected =
    r.corrected_intent_tag_id !== null && r.corrected_intent_code !== null
      ? { tag_id: r.corrected_intent_tag_id.toString(), code: r.corrected_intent_code, name: r.corrected_intent_name }
      : null;
  return {
    state: r.review_state,
    reviewed_by: r.reviewed_by,
    corrected_intent: corrected,
    score: r.review_score,
    critical_failed: r.review_score === null ? null : r.review_critical_failed,
  };
}

function recordView(r: CallRecordRow, unmasked: boolean, outcome: LastOutcome | undefined) {
  return {
    call_record_id: r.call_record_id.toString(),
    robot_call_job_id: r.robot_call_job_id.toString(),
    ...contact(unmasked, { called: r.called_phone_number, phone: r.phone_number, name: r.name }),
    result_status: r.result_status,
    intent_level_tag_id: str(r.intent_level_tag_id),
    intent_level_code: r.intent_level_code,
    intent_level_detail_name: r.intent_level_detail_name,
    chat_duration: r.chat_duration,
    start_time: iso(r.start_time),
    tenant_phone_number_id: str(r.tenant_phone_number_id),
    has_audio: r.has_audio,
    compliance_flags: complianceKinds(r.compliance_flags),
    submission: submissionOf(r.submission_state, outcome),
    review: reviewOf(r),
  };
}

/** GET /call-records: the calls page's parser, list and count, answered in the TOP field names. */
export async function listCallRecordsHandler({
  url,
  principal,
}: ApiRequest<unknown, unknown, unknown>): Promise<ApiAnswer> {
  const { filters, errors } = parseCallFilters(url.searchParams);
  // Parameters only the API has are validated by the same documented schema.
  const extra = callRecordsQuery.pick({ reason: true }).safeParse(Object.fromEntries(url.searchParams));
  if (errors.length || !extra.success) {
    throw invalidParams([
      ...errors.map((e) => ({ param: e.param, message: e.message })),
      ...(extra.success ? [] : [{ param: "reason", message: "at most 500 characters" }]),
    ]);
  }
  if (filters.cursor && !decodeCursor(filters.cursor, parseSort(filters.sort).key))
    throw invalidParams([
      { param: "cursor", message: "is not a cursor of this sort (take next_cursor as it was given)" },
    ]);
  const unmasked = wantsUnmasked(url, principal);
  const timeZone = getEnv().DISPLAY_TIME_ZONE;
  const [page, total] = await Promise.all([listCallRecords(filters, timeZone), countMatching(filters, timeZone)]);
  const outcomes = await lastOutcomes(page.rows.map((r) => r.id));
  if (unmasked && page.rows.length) {
    await recordAudit({
      actor: principal.user,
      action: "pii.reveal",
      target: `calls?${url.searchParams.toString()}`.slice(0, 1000),
      details: { reason: reasonOf(url), call_record_ids: page.rows.map((r) => r.call_record_id.toString()) },
    });
  }
  return {
    body: {
      data: page.rows.map((r) => recordView(r, unmasked, outcomes.get(r.id))),
      next_cursor: page.nextCursor,
      total,
    },
  };
}

/** GET /call-records/{call_record_id}: every stored field, the attempts (parameters as sent, raw answers) and the reviews. */
export async function getCallRecordHandler({
  url,
  principal,
  params,
}: ApiRequest<{ call_record_id: string }, unknown, unknown>): Promise<ApiAnswer> {
  const unmasked = wantsUnmasked(url, principal);
  const record = await getCallRecordDetail(BigInt(params.call_record_id));
  if (!record) throw new ApiError(404, "not_found", `No call record ${params.call_record_id}.`);
  const [attempts, reviews, outcomes, reviewer] = await Promise.all([
    recordAttempts(record),
    recordReviews(record.id),
    lastOutcomes([record.id]),
    record.reviewedById === null ? null : userName(record.reviewedById),
  ]);
  if (unmasked)
    await recordAudit({
      actor: principal.user,
      action: "pii.reveal",
      target: `call:${params.call_record_id}`,
      details: { reason: reasonOf(url) },
    });
  const body = {
    call_record_id: record.callRecordId.toString(),
    robot_call_job_id: record.robotCallJobId.toString(),
    ...contact(unmasked, { called: record.calledPhoneNumber, phone: record.phoneNumber, name: record.name }),
    result_status: record.resultStatus,
    intent_level_tag_id: str(record.intentLevelTagId),
    intent_level_code: record.intentLevelCode,
    intent_level_detail_name: record.intentLevelDetailName,
    chat_duration: record.chatDuration,
    start_time: iso(record.startTime),
    tenant_phone_number_id: str(record.tenantPhoneNumberId),
    has_audio: record.fullAudioUrl !== null,
    compliance_flags: complianceKinds(record.complianceFlags),
    submission: submissionOf(record.submissionState, outcomes.get(record.id)),
    review: reviewOf({
      review_state: record.reviewState,
      reviewed_by: reviewer,
      corrected_intent_tag_id: record.correctedIntentTagId,
      corrected_intent_code: record.correctedIntentCode,
      corrected_intent_name: record.correctedIntentName,
      review_score: record.reviewScore,
      review_critical_failed: record.reviewCriticalFailed,
    }),
    end_time: iso(record.endTime),
    full_audio_url: record.fullAudioUrl,
    properties: record.properties,
    rpc_context: record.rpcContext ?? null,
    source: record.source,
    source_name: record.sourceName,
    received_at: record.receivedAt.toISOString(),
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      batch_id: a.batchId.toString(),
      sent_at: a.sentAt.toISOString(),
      answered_at: a.answeredAt.toISOString(),
      latency_ms: a.latencyMs,
      http_status: a.httpStatus,
      request_id: a.requestId,
      outcome: a.outcome,
      lvms_result_d_t_o:
        a.resultSuccess === null && a.resultCode === null
          ? null
          : { count: a.resultCount, success: a.resultSuccess, code: a.resultCode, message: a.resultMessage },
      error_response:
        a.errorCode === null && a.errorSubCode === null
          ? null
          : { code: a.errorCode, msg: a.errorMsg, sub_code: a.errorSubCode, sub_msg: a.errorSubMsg },
      transport_error: a.transportError,
      params: a.params,
      raw_answer: a.rawAnswer,
    })),
    reviews: reviews.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
  return { body };
}
