import { validateCallRecord, type FieldError } from "../call-records/schema";
import {
  asWireInput,
  CORRECTABLE_FIELDS,
  isCorrectableField,
  normalizedValue,
  type CorrectableField,
  type ReportedFields,
  type StoredValue,
} from "./fields";

export type CorrectionValidation =
  { ok: true; values: Map<CorrectableField, StoredValue> } | { ok: false; errors: FieldError[] };

/**
 * Validates a correction the way the ingest validates a record: the record as
 * it would be sent (the received fields, the correction already in place, then
 * the new values) goes through validateCallRecord, so every field rule and the
 * cross-field one (end_time not before start_time) hold for what TOP gets.
 * Answers the normalised values of the fields being corrected now, or an
 * error per field.
 */
export function validateCorrection(
  callRecordId: bigint,
  current: ReportedFields,
  input: Readonly<Record<string, unknown>>,
): CorrectionValidation {
  const errors: FieldError[] = [];
  const names = Object.keys(input);
  if (names.length === 0) errors.push({ field: "fields", message: "name at least one field to correct" });
  for (const name of names) {
    if (name === "call_record_id")
      errors.push({ field: name, message: "cannot be corrected: it identifies the record" });
    else if (!isCorrectableField(name))
      errors.push({ field: name, message: `is not a reported field (one of ${CORRECTABLE_FIELDS.join(", ")})` });
  }
  if (errors.length) return { ok: false, errors };

  const wire: Record<string, unknown> = { call_record_id: callRecordId.toString() };
  for (const f of CORRECTABLE_FIELDS) wire[f] = Object.hasOwn(input, f) ? input[f] : asWireInput(current[f]);
  const checked = validateCallRecord(wire);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const values = new Map<CorrectableField, StoredValue>();
  for (const name of names as CorrectableField[]) values.set(name, normalizedValue(checked.record, name));
  return { ok: true, values };
}
