import { IVR_CALL_RECORD_FIELDS, type IvrCallRecordDto } from "./dto";
import { formatGmt8 } from "./timestamp";

/**
 * JSON for TOP's object parameters: snake_case keys in a fixed order, null
 * and undefined omitted, dates as GMT+8 wall time, and int64 ids written as
 * plain digits. JSON.stringify can do none of the last two (bigint throws,
 * Date becomes an ISO UTC string), so values are written here.
 */
const DTO_KEYS: readonly (keyof IvrCallRecordDto)[] = IVR_CALL_RECORD_FIELDS;

export function serializeTopJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return JSON.stringify(formatGmt8(value));
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("non-finite number in a TOP parameter");
    return JSON.stringify(value);
  }
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(serializeTopJson).join(",")}]`;
  if (typeof value === "object") {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === null || v === undefined) continue;
      parts.push(`${JSON.stringify(k)}:${serializeTopJson(v)}`);
    }
    return `{${parts.join(",")}}`;
  }
  throw new TypeError(`cannot serialise ${typeof value} into a TOP parameter`);
}

export function serializeCallRecordDto(dto: IvrCallRecordDto): string {
  const ordered: Record<string, unknown> = {};
  for (const key of DTO_KEYS) ordered[key] = dto[key];
  return serializeTopJson(ordered);
}
