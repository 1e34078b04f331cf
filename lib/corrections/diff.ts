import { parseJsonExact, type JsonValue } from "../call-records/json-bigint";
import { maskName, maskPhone } from "../privacy/mask";
import { maskText, type KnownPersonalData } from "../privacy/redact";
import { serializeCallRecordDto } from "../top/serialize";
import { IVR_CALL_RECORD_FIELDS, type IvrCallRecordDto } from "../top/dto";

/** The DTO's fields in the order TOP's parameter lists them. */
export const DTO_FIELDS = IVR_CALL_RECORD_FIELDS;

export interface FieldDiff {
  field: (typeof DTO_FIELDS)[number];
  /** What TOP received on the last attempt (null: absent, or never sent). */
  sent: string | null;
  /** What the next attempt will send (null: absent). */
  next: string | null;
  changed: boolean;
  /** The next value comes from the supervisor's correction. */
  corrected: boolean;
}

/** The `ivr_call_record_d_t_o` parameter of a stored attempt as wire values; null when it cannot be read. */
export function sentDto(params: unknown): Record<string, JsonValue> | null {
  if (params === null || typeof params !== "object" || Array.isArray(params)) return null;
  const raw = (params as Record<string, unknown>).ivr_call_record_d_t_o;
  if (typeof raw !== "string") return null;
  try {
    const dto = parseJsonExact(raw);
    return dto !== null && typeof dto === "object" && !Array.isArray(dto) ? dto : null;
  } catch {
    return null;
  }
}

/** The DTO exactly as the next attempt will write it (the TOP client's own serialisation), read back as wire values. */
export function nextDto(dto: IvrCallRecordDto): Record<string, JsonValue> {
  return parseJsonExact(serializeCallRecordDto(dto)) as Record<string, JsonValue>;
}

function display(v: JsonValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** Phone numbers and names masked as on every other page; anything else with the record's own values masked in it. */
function masked(field: string, value: string | null, known: KnownPersonalData): string | null {
  if (value === null) return null;
  if (field === "called_phone_number" || field === "phone_number") return maskPhone(value);
  if (field === "name") return maskName(value);
  return maskText(value, known);
}

/**
 * Field by field: what TOP received on the last attempt against what the next
 * attempt will send, compared on the wire values (so a date is compared as
 * TOP reads it) and masked for display.
 */
export function payloadDiff(
  sent: Record<string, JsonValue> | null,
  next: Record<string, JsonValue>,
  correctedFields: readonly string[],
  known: KnownPersonalData,
): FieldDiff[] {
  return DTO_FIELDS.map((field) => {
    const before = sent ? display(sent[field]) : null;
    const after = display(next[field]);
    return {
      field,
      sent: masked(field, before, known),
      next: masked(field, after, known),
      changed: sent !== null && before !== after,
      corrected: correctedFields.includes(field),
    };
  });
}
