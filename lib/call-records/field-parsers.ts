import { parseJsonExact, stringifyJson, type JsonObject, type JsonValue } from "./json-bigint";

/**
 * The parsers behind each wire field of the call record (schema.ts wires
 * them into zod): each turns one raw value into its stored form or names why
 * it cannot be stored, in the sender's terms.
 */

export const INT64_MAX = 9223372036854775807n;
const INT32_MAX = 2147483647;
export const INT32_MIN = -2147483648;

/** Length caps in UTF-16 code units. Generous: they guard the database, not taste. */
export const LIMITS = {
  called_phone_number: 64,
  result_status: 64,
  full_audio_url: 4096,
  name: 256,
  intent_level_detail_name: 256,
  phone_number: 64,
  properties: 65_536,
  rpc_context: 16_384,
  robot_call_job_name: 120,
} as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

// ---------------------------------------------------------------------------
// field parsers

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

export function parseInt64(v: unknown): Parsed<bigint> {
  let n: bigint;
  if (typeof v === "bigint") n = v;
  else if (typeof v === "number") {
    if (!Number.isInteger(v)) return { ok: false, message: "must be an integer" };
    if (!Number.isSafeInteger(v))
      return { ok: false, message: "is not exact as a JSON number; send ids above 2^53 as plain digits" };
    n = BigInt(v);
  } else if (typeof v === "string") {
    const s = v.trim();
    if (!/^-?\d{1,30}$/.test(s))
      return { ok: false, message: "must be an integer (a JSON number or a string of digits)" };
    n = BigInt(s);
  } else return { ok: false, message: `must be an integer, not ${describe(v)}` };
  if (n < 1n) return { ok: false, message: "must be a positive integer" };
  if (n > INT64_MAX) return { ok: false, message: `exceeds the int64 maximum ${INT64_MAX}` };
  return { ok: true, value: n };
}

export function parseInt32(v: unknown, min: number, unit: string): Parsed<number> {
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "bigint") return { ok: false, message: `out of range (${min} to ${INT32_MAX}${unit})` };
  else if (typeof v === "string") {
    if (!/^\s*-?\d{1,20}\s*$/.test(v))
      return { ok: false, message: `must be an integer${unit} (a JSON number or a string of digits)` };
    n = Number(v);
  } else return { ok: false, message: `must be an integer${unit}, not ${describe(v)}` };
  if (!Number.isInteger(n)) return { ok: false, message: `must be a whole number${unit}` };
  if (n < min || n > INT32_MAX) return { ok: false, message: `out of range (${min} to ${INT32_MAX}${unit})` };
  return { ok: true, value: n };
}

function storableText(s: string): string | null {
  if (s.includes("\u0000")) return "contains a NUL character, which cannot be stored";
  if (!s.isWellFormed()) return "is not valid Unicode (unpaired surrogate)";
  return null;
}

export function parseText(v: unknown, max: number): Parsed<string> {
  if (typeof v !== "string") return { ok: false, message: `must be a string, not ${describe(v)}` };
  if (v.length > max) return { ok: false, message: `is longer than ${max} characters` };
  const problem = storableText(v);
  return problem ? { ok: false, message: problem } : { ok: true, value: v };
}

/** Why jsonb could not hold this value (NUL or broken strings, non-finite numbers), or null. */
function jsonbProblem(v: JsonValue): string | null {
  if (typeof v === "string") return storableText(v);
  if (typeof v === "number") return Number.isFinite(v) ? null : "holds a number too large for JSON";
  if (v === null || typeof v !== "object") return null;
  if (Array.isArray(v)) {
    for (const item of v) {
      const p = jsonbProblem(item);
      if (p) return p;
    }
    return null;
  }
  for (const [key, item] of Object.entries(v)) {
    const p = storableText(key) ?? jsonbProblem(item);
    if (p) return p;
  }
  return null;
}

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function parseProperties(v: unknown): Parsed<{ text: string; json: JsonValue | null }> {
  let text: string;
  let json: JsonValue | null = null;
  if (typeof v === "string") {
    text = v;
    try {
      json = parseJsonExact(v);
    } catch {
      json = null; // free text is allowed: kept verbatim, just not parsed
    }
  } else if (typeof v === "object" && v !== null) {
    json = v as JsonValue;
    text = stringifyJson(v);
  } else
    return {
      ok: false,
      message: `must be a string (usually a JSON object serialised) or an object, not ${describe(v)}`,
    };
  if (text.length > LIMITS.properties) return { ok: false, message: `is longer than ${LIMITS.properties} characters` };
  const problem = storableText(text);
  if (problem) return { ok: false, message: problem };
  if (json !== null && jsonbProblem(json)) json = null;
  return { ok: true, value: { text, json } };
}

export function parseRpcContext(v: unknown): Parsed<JsonObject> {
  let value: unknown = v;
  if (typeof v === "string") {
    try {
      value = parseJsonExact(v);
    } catch (err) {
      return { ok: false, message: `is not valid JSON: ${(err as Error).message}` };
    }
  }
  if (!isJsonObject(value))
    return { ok: false, message: `must be a JSON object (or the JSON string of one), not ${describe(value)}` };
  const problem = jsonbProblem(value);
  if (problem) return { ok: false, message: problem };
  if (stringifyJson(value).length > LIMITS.rpc_context)
    return { ok: false, message: `is larger than ${LIMITS.rpc_context} characters as JSON` };
  return { ok: true, value };
}

export function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "bigint") return "a number";
  return `a ${typeof v}`;
}
