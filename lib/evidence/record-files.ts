import "server-only";
import path from "node:path";
import { maskOtherNumbersJson } from "../privacy/redact";
import {
  evidenceAttempts,
  evidenceAuditEvents,
  evidenceComments,
  evidenceCorrections,
  evidenceReviews,
  type EvidenceRecord,
} from "./data";
import type { BundleWriter } from "./writer";

/**
 * One record's files in a bundle: the record as received, its corrections,
 * every TOP call (parameters as sent, credentials replaced; the raw answer),
 * the review verdicts and comments, the audit entries and the archived
 * recording. The record's own numbers stay in full (this is its evidence);
 * any other mobile number in text the console did not write is masked.
 */

export interface TimelineEntry {
  at: Date;
  en: string;
  zh: string;
}

export interface RecordSummary {
  callRecordId: bigint;
  robotCallJobId: bigint;
  fields: [label: string, value: string][];
  timeline: TimelineEntry[];
  /** The record's files in the bundle (their hashes are read from the manifest once written). */
  paths: string[];
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const str = (v: bigint | null | undefined) => (v === null || v === undefined ? null : v.toString());
const json = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2) + "\n";

function recordJson(r: EvidenceRecord, recordingPath: string | null) {
  return {
    call_record: {
      call_record_id: r.callRecordId.toString(),
      robot_call_job_id: r.robotCallJobId.toString(),
      called_phone_number: r.calledPhoneNumber,
      result_status: r.resultStatus,
      full_audio_url: r.fullAudioUrl,
      chat_duration: r.chatDuration,
      start_time: iso(r.startTime),
      end_time: iso(r.endTime),
      name: r.name,
      properties: r.properties,
      intent_level_detail_name: r.intentLevelDetailName,
      tenant_phone_number_id: str(r.tenantPhoneNumberId),
      phone_number: r.phoneNumber,
      intent_level_code: r.intentLevelCode,
      intent_level_tag_id: str(r.intentLevelTagId),
    },
    rpc_context: r.rpcContext,
    received: {
      source: r.source,
      source_name: r.sourceName,
      received_at: iso(r.receivedAt),
      updated_at: iso(r.updatedAt),
      content_hash: r.contentHash,
    },
    state: {
      submission_state: r.submissionState,
      submission_attempts: r.submissionAttempts,
      last_submitted_at: iso(r.lastSubmittedAt),
      review_state: r.reviewState,
      reviewed_at: iso(r.reviewedAt),
      corrected_intent:
        r.correctedIntentTagId === null
          ? null
          : { tag_id: str(r.correctedIntentTagId), code: r.correctedIntentCode, name: r.correctedIntentName },
    },
    recording: r.audioArchive
      ? {
          source_url: r.audioArchive.sourceUrl,
          archive_state: r.audioArchive.state,
          file: recordingPath,
          archive_sha256: r.audioArchive.sha256,
          size_bytes: str(r.audioArchive.sizeBytes),
          content_type: r.audioArchive.contentType,
          archived_at: iso(r.audioArchive.archivedAt),
        }
      : null,
  };
}

/** Adds one record's files under `prefix` ("" or `records/<id>/`) and answers what the PDF summary shows of it. */
export async function addRecordFiles(
  writer: BundleWriter,
  r: EvidenceRecord,
  prefix: string,
  opts: { corrections: boolean; archiveDir: string },
): Promise<RecordSummary> {
  const own = [r.calledPhoneNumber, r.phoneNumber];
  const [attempts, reviews, comments, audit, corrections] = await Promise.all([
    evidenceAttempts(r.id),
    evidenceReviews(r.id),
    evidenceComments(r.id),
    evidenceAuditEvents(r.callRecordId),
    opts.corrections ? evidenceCorrections(r.id) : Promise.resolve(null),
  ]);
  const archived = r.audioArchive?.state === "archived" && r.audioArchive.fileName ? r.audioArchive.fileName : null;
  const recordingPath = archived ? `${prefix}recording${path.extname(archived)}` : null;
  const paths: string[] = [];
  const add = (name: string, value: unknown) => paths.push(writer.addBytes(prefix + name, json(value)).path);

  add("record.json", recordJson(r, recordingPath));
  if (corrections) add("corrections.json", maskOtherNumbersJson(corrections, own));
  add(
    "attempts.json",
    attempts.map((a) => ({
      attempt: a.attempt,
      batch_id: a.batchId.toString(),
      sent_at: iso(a.sentAt),
      answered_at: iso(a.answeredAt),
      latency_ms: a.latencyMs,
      http_status: a.httpStatus,
      request_id: a.requestId,
      outcome: a.outcome,
      result: { count: a.resultCount, success: a.resultSuccess, code: a.resultCode, message: a.resultMessage },
      error: { code: a.errorCode, msg: a.errorMsg, sub_code: a.errorSubCode, sub_msg: a.errorSubMsg },
      transport_error: a.transportError,
      // As sent, less the credentials (the session is never stored; the signature is replaced).
      params: maskOtherNumbersJson(a.params, own),
      raw_answer: a.rawAnswer === null ? null : maskOtherNumbersJson(a.rawAnswer, own),
    })),
  );
  add(
    "reviews.json",
    maskOtherNumbersJson(
      {
        verdicts: reviews.map((v) => ({
          at: iso(v.createdAt),
          verdict: v.verdict,
          reasons: v.reasons,
          notes: v.notes,
          reviewer: { name: v.reviewer.name, email: v.reviewer.email },
          corrected_intent:
            v.correctedIntentTagId === null
              ? null
              : { tag_id: str(v.correctedIntentTagId), code: v.correctedIntentCode, name: v.correctedIntentName },
        })),
        comments: comments.map((c) => ({
          at: iso(c.createdAt),
          position_ms: c.positionMs,
          body: c.body,
          author: { name: c.author.name, email: c.author.email },
        })),
      },
      own,
    ),
  );
  add(
    "audit.json",
    audit.map((e) => ({
      at: iso(e.at),
      actor: e.actorEmail,
      action: e.action,
      target: e.target,
      request_id: e.requestId,
      details: maskOtherNumbersJson(e.details, own),
    })),
  );
  if (archived && recordingPath) paths.push(writer.addFile(recordingPath, path.join(opts.archiveDir, archived)).path);

  const timeline: TimelineEntry[] = [
    { at: r.receivedAt, en: `received (${r.source})`, zh: `接收（${r.source}）` },
    ...attempts.map((a) => ({
      at: a.sentAt,
      en: `TOP attempt ${a.attempt}: ${a.outcome}${a.resultCode ? ` ${a.resultCode}` : ""}`,
      zh: `TOP 提交第 ${a.attempt} 次：${a.outcome}${a.resultCode ? ` ${a.resultCode}` : ""}`,
    })),
    ...reviews.map((v) => ({ at: v.createdAt, en: `review: ${v.verdict}`, zh: `审核：${v.verdict}` })),
    ...(corrections ?? []).map((c) => ({
      at: new Date(String(c.corrected_at ?? r.updatedAt.toISOString())),
      en: "corrected",
      zh: "已更正",
    })),
    ...audit.map((e) => ({ at: e.at, en: `audit: ${e.action}`, zh: `审计：${e.action}` })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  return {
    callRecordId: r.callRecordId,
    robotCallJobId: r.robotCallJobId,
    fields: [
      ["Call record ID / 通话记录 ID", r.callRecordId.toString()],
      ["Job / 任务", r.robotCallJobId.toString()],
      ["Called number / 被叫号码", r.calledPhoneNumber ?? "-"],
      ["Name / 姓名", r.name ?? "-"],
      ["Result / 结果", r.resultStatus ?? "-"],
      ["Start / 开始", iso(r.startTime) ?? "-"],
      ["End / 结束", iso(r.endTime) ?? "-"],
      ["Duration (s) / 时长（秒）", r.chatDuration?.toString() ?? "-"],
      ["Intent / 意向", [r.intentLevelCode, r.intentLevelDetailName].filter((v) => v !== null).join(" ") || "-"],
      ["Submission / 提交状态", `${r.submissionState} (${r.submissionAttempts})`],
      ["Review / 审核", r.reviewState],
      ["Content hash / 内容哈希", r.contentHash],
    ],
    timeline,
    paths,
  };
}
