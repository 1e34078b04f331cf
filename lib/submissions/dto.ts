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

/** A field the supervisor corrected (call_record_corrections rc) instead of the received one. */
const corrected = (field: string, received: Prisma.Sql) =>
  Prisma.sql`CASE WHEN ${Prisma.raw(`'${field}'`)} = ANY (rc.fields) THEN rc.${Prisma.raw(field)} ELSE ${received} END AS ${Prisma.raw(field)}`;

/**
 * Joins a record's correction (alias `rc`) to `call_records r`: every query
 * selecting RECORD_AS_SENT adds it to its FROM.
 */
export const CORRECTION_JOIN = Prisma.sql`LEFT JOIN call_record_corrections rc ON rc.record_id = r.id`;

/**
 * The columns of `call_records r` (with CORRECTION_JOIN) that make the DTO
 * sent to TOP. A supervisor's correction of a field (lib/corrections) is sent
 * instead of the received value; otherwise a reviewer's corrected intent (tag
 * group, level and its name) is sent instead of the received one when there
 * is one. The received values stay stored either way.
 */
export const RECORD_AS_SENT = Prisma.sql`r.call_record_id,
  ${corrected("robot_call_job_id", Prisma.sql`r.robot_call_job_id`)},
  ${corrected("called_phone_number", Prisma.sql`r.called_phone_number`)},
  ${corrected("result_status", Prisma.sql`r.result_status`)},
  ${corrected("full_audio_url", Prisma.sql`r.full_audio_url`)},
  ${corrected("chat_duration", Prisma.sql`r.chat_duration`)},
  ${corrected("start_time", Prisma.sql`r.start_time`)},
  ${corrected("end_time", Prisma.sql`r.end_time`)},
  ${corrected("name", Prisma.sql`r.name`)},
  ${corrected("properties", Prisma.sql`r.properties`)},
  ${corrected("intent_level_detail_name", Prisma.sql`CASE WHEN r.corrected_intent_tag_id IS NULL THEN r.intent_level_detail_name ELSE r.corrected_intent_name END`)},
  ${corrected("tenant_phone_number_id", Prisma.sql`r.tenant_phone_number_id`)},
  ${corrected("phone_number", Prisma.sql`r.phone_number`)},
  ${corrected("intent_level_code", Prisma.sql`CASE WHEN r.corrected_intent_tag_id IS NULL THEN r.intent_level_code ELSE r.corrected_intent_code END`)},
  ${corrected("intent_level_tag_id", Prisma.sql`COALESCE(r.corrected_intent_tag_id, r.intent_level_tag_id)`)},
  r.rpc_context`;

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
