/** The call record as TOP's IvrCallRecordDto, with its wire (snake_case) names. */
export interface IvrCallRecordDto {
  call_record_id: bigint;
  robot_call_job_id: bigint;
  called_phone_number?: string | null;
  result_status?: string | null;
  full_audio_url?: string | null;
  chat_duration?: number | null;
  start_time?: Date | null;
  end_time?: Date | null;
  name?: string | null;
  properties?: string | null;
  intent_level_detail_name?: string | null;
  tenant_phone_number_id?: bigint | null;
  phone_number?: string | null;
  intent_level_code?: number | null;
  intent_level_tag_id?: bigint | null;
}

/** What `alibaba.lvms.lvr.receivecallrecord` answers inside its envelope. */
export interface LvmsResultDto {
  count?: number;
  success: boolean;
  code?: string;
  message?: string;
}

/** TOP's `error_response`. */
export interface TopErrorResponse {
  code: number;
  msg: string;
  sub_code?: string;
  sub_msg?: string;
}

export const RECEIVE_CALL_RECORD_METHOD = "alibaba.lvms.lvr.receivecallrecord";
/** Only a leading `taobao.` is dropped from the method name to form the wrapper key. */
export const RECEIVE_CALL_RECORD_RESPONSE_KEY = "alibaba_lvms_lvr_receivecallrecord_response";

/** The DTO's fields in the order TOP's parameter lists them. */
export const IVR_CALL_RECORD_FIELDS = [
  "call_record_id",
  "robot_call_job_id",
  "called_phone_number",
  "result_status",
  "full_audio_url",
  "chat_duration",
  "start_time",
  "end_time",
  "name",
  "properties",
  "intent_level_detail_name",
  "tenant_phone_number_id",
  "phone_number",
  "intent_level_code",
  "intent_level_tag_id",
] as const satisfies readonly (keyof IvrCallRecordDto)[];
