import { z } from "zod";
import { parseJsonExact, type JsonValue } from "../../lib/call-records/json-bigint";
import type { LvmsResultDto, TopErrorResponse } from "../../lib/top/dto";
import { parseGmt8 } from "../../lib/top/timestamp";

/**
 * The emulated backend of alibaba.lvms.lvr.receivecallrecord, strict like a
 * Java backend binding JSON to IvrCallRecordDto:
 *   - a parameter that is not JSON, or a field of the wrong type or date
 *     format, fails binding → error_response 15 isv.invalid-parameter 非法参数
 *   - a record that binds but lacks its identity (call_record_id,
 *     robot_call_job_id) or ends before it starts → lvms_result_d_t_o
 *     success:false with a code and a Chinese message
 *   - otherwise success:true, count 1.
 */

const INT64_MAX = 9223372036854775807n;
const int64 = z
  .union([z.bigint(), z.number().int()])
  .transform((v) => BigInt(v))
  .refine((v) => v > 0n && v <= INT64_MAX);
const text = z.string();
const date = z.string().refine((s) => parseGmt8(s) !== null);

const dtoSchema = z.object({
  call_record_id: int64.optional(),
  robot_call_job_id: int64.optional(),
  called_phone_number: text.optional(),
  result_status: text.optional(),
  full_audio_url: text.optional(),
  chat_duration: z.number().int().min(0).optional(),
  start_time: date.optional(),
  end_time: date.optional(),
  name: text.optional(),
  properties: text.optional(),
  intent_level_detail_name: text.optional(),
  tenant_phone_number_id: int64.optional(),
  phone_number: text.optional(),
  intent_level_code: z.number().int().optional(),
  intent_level_tag_id: int64.optional(),
});

export const INVALID_PARAMETER: TopErrorResponse = {
  code: 15,
  msg: "Remote service error",
  sub_code: "isv.invalid-parameter",
  sub_msg: "非法参数",
};

export type ReceiveOutcome =
  | { kind: "error"; error: TopErrorResponse }
  | { kind: "result"; result: LvmsResultDto; record?: { callRecordId: bigint; jobId: bigint } };

export function receiveCallRecord(params: Readonly<Record<string, string>>): ReceiveOutcome {
  const raw = params.ivr_call_record_d_t_o;
  if (raw === undefined)
    return { kind: "result", result: { count: 0, success: false, code: "PARAM_MISSING", message: "通话记录不能为空" } };
  let value: JsonValue;
  try {
    value = parseJsonExact(raw);
    if (params.rpc_context !== undefined) parseJsonExact(params.rpc_context);
  } catch {
    return { kind: "error", error: INVALID_PARAMETER };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { kind: "error", error: INVALID_PARAMETER };
  // JSON null means "absent" to a Java binder.
  const present = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
  const dto = dtoSchema.safeParse(present);
  if (!dto.success) return { kind: "error", error: INVALID_PARAMETER };
  const d = dto.data;
  if (d.call_record_id === undefined)
    return {
      kind: "result",
      result: { count: 0, success: false, code: "CALL_RECORD_ID_REQUIRED", message: "通话记录ID不能为空" },
    };
  if (d.robot_call_job_id === undefined)
    return {
      kind: "result",
      result: { count: 0, success: false, code: "JOB_ID_REQUIRED", message: "外呼任务ID不能为空" },
    };
  if (d.start_time && d.end_time && parseGmt8(d.end_time)!.getTime() < parseGmt8(d.start_time)!.getTime()) {
    return {
      kind: "result",
      result: { count: 0, success: false, code: "TIME_RANGE_INVALID", message: "结束时间早于开始时间" },
    };
  }
  return {
    kind: "result",
    result: { count: 1, success: true, code: "0", message: "ok" },
    record: { callRecordId: d.call_record_id, jobId: d.robot_call_job_id },
  };
}
