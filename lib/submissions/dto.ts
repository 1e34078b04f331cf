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

export function toIvrCallRecordDto(r: RecordForSubmission): IvrCallRecordDto {
  const { rpc_context: _rpc, ...dto } = r;
  return dto;
}

export function rpcContextOf(r: RecordForSubmission): object {
  return r.rpc_context && typeof r.rpc_context === "object" && !Array.isArray(r.rpc_context) ? r.rpc_context : {};
}
