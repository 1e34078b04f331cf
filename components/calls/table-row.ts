import type { CallRecordRow } from "@/lib/call-records/query/data";
import type { Formatter } from "@/components/ui/format";
import { maskName, maskPhone } from "@/lib/privacy/mask";
import { maskText } from "@/lib/privacy/redact";
import { complianceKinds, type ComplianceKind } from "@/lib/compliance/flags";

/**
 * One row of the calls table as the browser receives it: what the cells show
 * and nothing else, personal data already masked (the full number and name
 * never leave the server), times and durations already formatted (the
 * server's text is the text the browser hydrates). Flat strings instead of a
 * rendered element tree keep the page's RSC payload about a fifth of what it
 * was with the table as a server component.
 */
export interface CallTableRow {
  /** The database id, as the React key. */
  key: string;
  id: string;
  job: string;
  /** The job's name (robot_call_jobs), when it has one. */
  jobName: string | null;
  start: string | null;
  callee: string | null;
  called: string | null;
  caller: string | null;
  line: string | null;
  status: string | null;
  intent: { tagId: string | null; code: number | null; name: string | null };
  /** A reviewer's correction of the intent, when there is one. */
  corrected: { tagId: string; code: number | null; name: string | null } | null;
  duration: string;
  submission: { state: string; code: string | null; message: string | null };
  review: string;
  reviewedBy: string | null;
  audio: boolean;
  /** Compliance kinds found. */
  compliance: ComplianceKind[];
  /** The current review's score, formatted (two decimals at most), and whether it failed a critical item; null when unscored. */
  score: { value: string; criticalFailed: boolean } | null;
}

export function toCallTableRow(
  r: CallRecordRow,
  fmt: Formatter,
  jobNames: ReadonlyMap<string, string | null> = new Map(),
): CallTableRow {
  return {
    key: r.id.toString(),
    id: r.call_record_id.toString(),
    job: r.robot_call_job_id.toString(),
    jobName: jobNames.get(r.robot_call_job_id.toString()) ?? null,
    start: r.start_time ? fmt.dateTime(r.start_time) : null,
    callee: maskName(r.name),
    called: maskPhone(r.called_phone_number),
    caller: r.phone_number,
    line: r.tenant_phone_number_id?.toString() ?? null,
    status: r.result_status,
    intent: {
      tagId: r.intent_level_tag_id?.toString() ?? null,
      code: r.intent_level_code,
      name: r.intent_level_detail_name,
    },
    corrected:
      r.corrected_intent_tag_id !== null
        ? { tagId: r.corrected_intent_tag_id.toString(), code: r.corrected_intent_code, name: r.corrected_intent_name }
        : null,
    duration: fmt.duration(r.chat_duration),
    submission: {
      state: r.submission_state,
      code: r.last_result_code,
      message:
        r.last_result_message === null
          ? null
          : maskText(r.last_result_message, { phone: r.called_phone_number, name: r.name }),
    },
    review: r.review_state,
    reviewedBy: r.reviewed_by,
    audio: r.has_audio,
    compliance: complianceKinds(r.compliance_flags),
    score:
      r.review_score === null
        ? null
        : { value: fmt.decimal(r.review_score, 2), criticalFailed: r.review_critical_failed === true },
  };
}
