import type { NormalizedCallRecord } from "../call-records/schema";
import { IVR_CALL_RECORD_FIELDS } from "../top/dto";

/**
 * The reported fields a supervisor may correct: the IvrCallRecordDto's fields
 * except `call_record_id`, which identifies the record (a "corrected" id would
 * be another record). Wire names, as in the ingest and the REST API.
 */
const [, ...correctable] = IVR_CALL_RECORD_FIELDS;
export const CORRECTABLE_FIELDS = correctable;

export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export function isCorrectableField(name: string): name is CorrectableField {
  return (CORRECTABLE_FIELDS as readonly string[]).includes(name);
}

/** A field's value as the record and the correction table store it. */
export type StoredValue = string | number | bigint | Date | null;

/** The received record (or the one a correction makes) by wire name, typed as stored. */
export type ReportedFields = { [K in CorrectableField]: StoredValue };

/** The normalised record's value of one wire field (what a correction stores). */
export function normalizedValue(record: NormalizedCallRecord, field: CorrectableField): StoredValue {
  switch (field) {
    case "robot_call_job_id":
      return record.robotCallJobId;
    case "called_phone_number":
      return record.calledPhoneNumber;
    case "result_status":
      return record.resultStatus;
    case "full_audio_url":
      return record.fullAudioUrl;
    case "chat_duration":
      return record.chatDuration;
    case "start_time":
      return record.startTime;
    case "end_time":
      return record.endTime;
    case "name":
      return record.name;
    case "properties":
      return record.properties;
    case "intent_level_detail_name":
      return record.intentLevelDetailName;
    case "tenant_phone_number_id":
      return record.tenantPhoneNumberId;
    case "phone_number":
      return record.phoneNumber;
    case "intent_level_code":
      return record.intentLevelCode;
    case "intent_level_tag_id":
      return record.intentLevelTagId;
  }
}

/**
 * A stored value as the ingest accepts it again (ids as digit strings, dates
 * as ISO 8601 with an offset), so that a correction is validated by the same
 * schema as the record it corrects.
 */
export function asWireInput(value: StoredValue): string | number | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** Fields equal as sent: dates by instant, ids by value. */
export function sameValue(a: StoredValue, b: StoredValue): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return asWireInput(a) === asWireInput(b);
}
