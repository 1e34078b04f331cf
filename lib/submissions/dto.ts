import { Prisma } from "../db/client";
import type { IvrCallRecordDto } from "../top/dto";

/** The stored record as TOP's DTO. */
export interface RecordForSubmission {
  call_record_id: bigint;
  robot_call_job_id: bigint;
  called_phone_number: string | null;
  result_status: string | null;
  full_audio_url: string | null;
  chat_duration: number | null;
  start_time: Date | null;
  end_time: Date | null;
  name: string | null;
  properties: string | null;
  intent_level_detail_name: string | null;
  tenant_phone_number_id: bigint | null;
  phone_number: string | null;
  intent_level_code: number | null;
  intent_level_tag_id: bigint | null;
  rpc_context: unknown;
}

/**
 * The columns of `call_records r` that make the DTO sent to TOP. A reviewer's
 * corrected intent (tag group, level and its name) is sent instead of the
 * received one when there is one; the received one stays stored.
 */
export const RECORD_AS_SENT = Prisma.sql`r.call_record_id, r.robot_call_job_id, r.called_phone_number, r.result_status, r.full_audio_url,
  r.chat_duration, r.start_time, r.end_time, r.name, r.properties,
  CASE WHEN r.corrected_intent_tag_id IS NULL THEN r.intent_level_detail_name ELSE r.corrected_intent_name END AS intent_level_detail_name,
  r.tenant_phone_number_id, r.phone_number,
  CASE WHEN r.corrected_intent_tag_id IS NULL THEN r.intent_level_code ELSE r.corrected_intent_code END AS intent_level_code,
  COALESCE(r.corrected_intent_tag_id, r.intent_level_tag_id) AS intent_level_tag_id, r.rpc_context`;

/**
 * The DTO's fields picked one by one: whatever else a row carries (the
 * rpc_context, the console's own robot_call_job_name, a future column) is
 * never sent to TOP.
 */
export function toIvrCallRecordDto(r: RecordForSubmission): IvrCallRecordDto {
  return {
    call_record_id: r.call_record_id,
    robot_call_job_id: r.robot_call_job_id,
    called_phone_number: r.called_phone_number,
    result_status: r.result_status,
    full_audio_url: r.full_audio_url,
    chat_duration: r.chat_duration,
    start_time: r.start_time,
    end_time: r.end_time,
    name: r.name,
    properties: r.properties,
    intent_level_detail_name: r.intent_level_detail_name,
    tenant_phone_number_id: r.tenant_phone_number_id,
    phone_number: r.phone_number,
    intent_level_code: r.intent_level_code,
    intent_level_tag_id: r.intent_level_tag_id,
  };
}

export function rpcContextOf(r: RecordForSubmission): object {
  return r.rpc_context && typeof r.rpc_context === "object" && !Array.isArray(r.rpc_context) ? r.rpc_context : {};
}
