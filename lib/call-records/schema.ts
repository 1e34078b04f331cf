import { z } from "zod";
import { parseWireDate } from "./dates";
import {
  INT32_MIN,
  LIMITS,
  describe,
  isBlank,
  isJsonObject,
  parseInt32,
  parseInt64,
  parseProperties,
  parseRpcContext,
  parseText,
  type Parsed,
} from "./field-parsers";
import { JsonSyntaxError, parseJsonExact, type JsonObject, type JsonValue } from "./json-bigint";
import { parseTranscript, type Utterance } from "../transcripts/schema";

export { INT64_MAX, LIMITS, parseInt64 } from "./field-parsers";

/**
 * The IvrCallRecordDto as the ingest accepts it (wire names, snake_case, as in
 * docs/top-protocol.md) and the normalised record it becomes.
 *
 * Rules beyond the protocol table, chosen so that whatever validates can be
 * stored (a record that passes here never makes the INSERT fail):
 * - every optional field: absent, null or a blank string all mean "no value";
 * - int64 ids: JSON number or digit string, 1 ..= 2^63-1, exact (the body
 *   parser hands integers above 2^53 over as bigint);
 * - chat_duration and intent_level_code also accept digit strings (CSV cells are strings);
 * - strings are kept verbatim except result_status, which is trimmed (any value
 *   is valid: vendors add statuses); strings with NUL or unpaired surrogates are
 *   refused because PostgreSQL cannot store them;
 * - properties: a string kept verbatim, or an object/array stored as its JSON
 *   text; its parsed JSON is kept too when it parses;
 * - rpc_context: an object or the JSON string of one;
 * - unknown keys are ignored (vendors send extras): the record is accepted,
 *   and ingest names them as warnings in its result (unknown-fields.ts).
 */

/** The wrapper key the TOP form parameter uses; accepted around each record. */
export const WRAPPED_DTO_KEY = "ivr_call_record_d_t_o";

export interface FieldError {
  /** The wire field name (e.g. `start_time`), or `$` for the record as a whole. */
  field: string;
  message: string;
}

export interface NormalizedCallRecord {
  callRecordId: bigint;
  robotCallJobId: bigint;
  calledPhoneNumber: string | null;
  resultStatus: string | null;
  fullAudioUrl: string | null;
  chatDuration: number | null;
  startTime: Date | null;
  endTime: Date | null;
  name: string | null;
  /** Verbatim. */
  properties: string | null;
  /** `properties` parsed, when it is JSON that PostgreSQL's jsonb can hold. */
  propertiesJson: JsonValue | null;
  intentLevelDetailName: string | null;
  tenantPhoneNumberId: bigint | null;
  phoneNumber: string | null;
  intentLevelCode: number | null;
  intentLevelTagId: bigint | null;
  rpcContext: JsonObject | null;
  /** The console's own `robot_call_job_name`: stored with the job (robot_call_jobs), not the record, and never sent to TOP. */
  robotCallJobName?: string | null;
  /**
   * The console's own `transcript` (lib/transcripts/schema.ts): stored in call_transcripts, never sent to TOP,
   * not part of the content hash. Absent: a stored transcript stays; null: it is removed.
   */
  transcript?: Utterance[] | null;
}

export type CallRecordValidation =
  | { ok: true; record: NormalizedCallRecord }
  | {
      ok: false;
      errors: FieldError[];
      /** The id when it could be read, to help the sender match the error. */ callRecordId: bigint | null;
    };

// ---------------------------------------------------------------------------
// zod wiring: each wire field is an `unknown` refined by its parser, so the
// messages are ours and name the reason in the sender's terms.

function field<T>(parse: (v: unknown) => Parsed<T>) {
  return (v: unknown, ctx: z.RefinementCtx): T => {
    const r = parse(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  };
}

const required = <T>(parse: (v: unknown) => Parsed<T>) =>
  z.unknown().transform(field((v) => (isBlank(v) ? { ok: false, message: "is required" } : parse(v))));

const optional = <T>(parse: (v: unknown) => Parsed<T>) =>
  z
    .unknown()
    .optional()
    .transform(field((v): Parsed<T | null> => (isBlank(v) ? { ok: true, value: null } : parse(v))));

const text = (max: number) => optional((v) => parseText(v, max));

export const callRecordWireSchema = z.object({
  call_record_id: required(parseInt64),
  robot_call_job_id: required(parseInt64),
  called_phone_number: text(LIMITS.called_phone_number),
  result_status: optional((v) => parseText(typeof v === "string" ? v.trim() : v, LIMITS.result_status)),
  full_audio_url: text(LIMITS.full_audio_url),
  chat_duration: optional((v) => parseInt32(v, 0, " of seconds")),
  start_time: optional(parseWireDate),
  end_time: optional(parseWireDate),
  name: text(LIMITS.name),
  properties: optional(parseProperties),
  intent_level_detail_name: text(LIMITS.intent_level_detail_name),
  tenant_phone_number_id: optional(parseInt64),
  phone_number: text(LIMITS.phone_number),
  intent_level_code: optional((v) => parseInt32(v, INT32_MIN, "")),
  intent_level_tag_id: optional(parseInt64),
  rpc_context: optional(parseRpcContext),
  /** The console's own field (never sent to TOP): names the job when it has no name yet. */
  robot_call_job_name: text(LIMITS.robot_call_job_name),
});

export type CallRecordWire = z.input<typeof callRecordWireSchema>;

/**
 * Accepts the flat DTO (with an optional `rpc_context` key beside its fields)
 * or the TOP form shape `{ ivr_call_record_d_t_o: {...} | "<json>", rpc_context: {...} | "<json>" }`.
 */
function unwrap(item: unknown): Parsed<unknown> & { field?: string } {
  if (!isJsonObject(item) || !Object.hasOwn(item, WRAPPED_DTO_KEY)) return { ok: true, value: item };
  let dto: unknown = item[WRAPPED_DTO_KEY];
  if (typeof dto === "string") {
    try {
      dto = parseJsonExact(dto);
    } catch (err) {
      const reason = err instanceof JsonSyntaxError ? err.message : String(err);
      return { ok: false, field: WRAPPED_DTO_KEY, message: `is not valid JSON: ${reason}` };
    }
  }
  if (!isJsonObject(dto))
    return {
      ok: false,
      field: WRAPPED_DTO_KEY,
      message: `must be a JSON object (or the JSON string of one), not ${describe(dto)}`,
    };
  const rpc = Object.hasOwn(item, "rpc_context") ? item.rpc_context : dto.rpc_context;
  return { ok: true, value: { ...dto, rpc_context: rpc } };
}

const END_BEFORE_START: FieldError = { field: "end_time", message: "is before start_time" };

export function validateCallRecord(item: unknown): CallRecordValidation {
  const unwrapped = unwrap(item);
  if (!unwrapped.ok)
    return { ok: false, errors: [{ field: unwrapped.field ?? "$", message: unwrapped.message }], callRecordId: null };
  const input = unwrapped.value;
  const parsed = callRecordWireSchema.safeParse(input);
  const rawId = isJsonObject(input) ? parseInt64(input.call_record_id) : null;
  const callRecordId = rawId?.ok ? rawId.value : null;
  // Beside the DTO's fields, validated on its own so that its errors name the utterance (`transcript[3].end_ms`).
  const transcript = parseTranscript(isJsonObject(input) ? input.transcript : undefined);
  const transcriptErrors = transcript.ok ? [] : transcript.errors;

  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      field: typeof issue.path[0] === "string" ? issue.path[0] : "$",
      message: issue.path.length === 0 ? `the record must be a JSON object, not ${describe(input)}` : issue.message,
    }));
    if (isJsonObject(input)) {
      addCamelCaseHint(input, errors);
      // zod skips cross-field checks once a field failed; report this one anyway so that one round trip shows every problem
      if (!errors.some((e) => e.field === "start_time" || e.field === "end_time")) {
        const [start, end] = [input.start_time, input.end_time].map((v) => (isBlank(v) ? null : parseWireDate(v)));
        if (start?.ok && end?.ok && end.value < start.value) errors.push({ ...END_BEFORE_START });
      }
    }
    return { ok: false, errors: [...errors, ...transcriptErrors], callRecordId };
  }

  const d = parsed.data;
  if (d.start_time && d.end_time && d.end_time < d.start_time)
    return { ok: false, errors: [{ ...END_BEFORE_START }, ...transcriptErrors], callRecordId };
  if (!transcript.ok) return { ok: false, errors: transcriptErrors, callRecordId };
  return {
    ok: true,
    record: {
      callRecordId: d.call_record_id,
      robotCallJobId: d.robot_call_job_id,
      calledPhoneNumber: d.called_phone_number,
      resultStatus: d.result_status,
      fullAudioUrl: d.full_audio_url,
      chatDuration: d.chat_duration,
      startTime: d.start_time,
      endTime: d.end_time,
      name: d.name,
      properties: d.properties?.text ?? null,
      propertiesJson: d.properties?.json ?? null,
      intentLevelDetailName: d.intent_level_detail_name,
      tenantPhoneNumberId: d.tenant_phone_number_id,
      phoneNumber: d.phone_number,
      intentLevelCode: d.intent_level_code,
      intentLevelTagId: d.intent_level_tag_id,
      rpcContext: d.rpc_context,
      ...(d.robot_call_job_name ? { robotCallJobName: d.robot_call_job_name } : {}),
      ...(transcript.value !== undefined ? { transcript: transcript.value } : {}),
    },
  };
}

/** A record sent with camelCase keys fails on its required ids; say why. */
function addCamelCaseHint(input: JsonObject, errors: FieldError[]): void {
  for (const e of errors) {
    const camel = e.field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    if (e.message === "is required" && camel !== e.field && Object.hasOwn(input, camel)) {
      e.message = `is required (wire names are snake_case: ${e.field}, not ${camel})`;
    }
  }
}
