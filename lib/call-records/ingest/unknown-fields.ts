import { safeJsonParse } from "../../input/schema";
import { callRecordWireSchema, WRAPPED_DTO_KEY, type FieldError } from "../schema";

/**
 * Fields a record may carry beyond the TOP DTO (callRecordWireSchema): the
 * console's own optional fields, never sent to TOP. Extend this list when
 * the console learns a new one, or ingest reports it as unknown.
 */
export const KNOWN_EXTRA_FIELDS: readonly string[] = ["robot_call_job_name", "transcript"];

const squash = (key: string) => key.replace(/[_\s-]/g, "").toLowerCase();

function knownFields(): Set<string> {
  return new Set([...Object.keys(callRecordWireSchema.shape), ...KNOWN_EXTRA_FIELDS]);
}

/**
 * Keys of a record that no field of the console reads: a vendor's mapping
 * mistake (`call_recordid`, `chatDuration`) would otherwise be dropped
 * without a word. Reported as warnings beside the record's outcome (the
 * record is still accepted when its known fields are valid), with the field
 * it probably meant.
 */
export function unknownFieldWarnings(item: unknown): FieldError[] {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return [];
  let record = item as Record<string, unknown>;
  const known = knownFields();
  const warnings: FieldError[] = [];
  if (Object.hasOwn(record, WRAPPED_DTO_KEY)) {
    for (const key of Object.keys(record))
      if (key !== WRAPPED_DTO_KEY && key !== "rpc_context") warnings.push(warning(key, known));
    const dto =
      typeof record[WRAPPED_DTO_KEY] === "string"
        ? safeJsonParse(record[WRAPPED_DTO_KEY] as string)
        : record[WRAPPED_DTO_KEY];
    if (dto === null || typeof dto !== "object" || Array.isArray(dto)) return warnings;
    record = dto as Record<string, unknown>;
  }
  for (const key of Object.keys(record)) if (!known.has(key)) warnings.push(warning(key, known));
  return warnings;
}

function warning(key: string, known: Set<string>): FieldError {
  const meant = [...known].find((k) => squash(k) === squash(key));
  const shown = key.length > 64 ? `${key.slice(0, 64)}…` : key;
  return { field: shown, message: meant ? `unknown field, ignored: did you mean ${meant}?` : "unknown field, ignored" };
}
