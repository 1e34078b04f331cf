import { MAX_RECORDS_PER_BATCH } from "./ingest-result";
import { JsonSyntaxError, parseJsonExact } from "../json-bigint";

/**
 * Turning an ingest request body into a list of raw records: content type,
 * a size limit enforced while streaming, UTF-8, and the three body shapes
 * (one object, an array of objects, NDJSON). Every failure is a client error
 * with a code and a message a sender can act on.
 */

export interface BodyFailure {
  status: 400 | 413 | 415;
  code: string;
  message: string;
  /** Extra machine-readable detail (line, column, limit…). */
  details?: Record<string, number | string>;
}

export type BodyKind = "json" | "ndjson" | "sniff";
type Result<T> = { ok: true; value: T } | { ok: false; failure: BodyFailure };

const NDJSON_TYPES = new Set([
  "application/x-ndjson",
  "application/ndjson",
  "application/jsonl",
  "application/x-jsonl",
  "application/jsonlines",
  "application/x-jsonlines",
]);

/** A missing Content-Type is sniffed; anything else must name JSON or NDJSON in UTF-8. */
export function classifyContentType(header: string | null): Result<BodyKind> {
  if (header === null || header.trim() === "") return { ok: true, value: "sniff" };
  const [rawType = "", ...params] = header.split(";");
  const type = rawType.trim().toLowerCase();
  const kind: BodyKind | null =
    type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type)
      ? "json"
      : NDJSON_TYPES.has(type)
        ? "ndjson"
        : null;
  const unsupported = (why: string): Result<BodyKind> => ({
    ok: false,
    failure: {
      status: 415,
      code: "unsupported_media_type",
      message: `${why}: send application/json or application/x-ndjson, UTF-8.`,
    },
  });
  if (kind === null) return unsupported(`Content-Type ${JSON.stringify(type)} is not supported`);
  for (const p of params) {
    const [name = "", value = ""] = p.split("=").map((s) => s.trim().toLowerCase());
    if (name === "charset" && !["utf-8", "utf8"].includes(value.replace(/^"|"$/g, ""))) {
      return unsupported(`charset ${JSON.stringify(value)} is not supported`);
    }
  }
  return { ok: true, value: kind };
}

function tooLarge(maxBytes: number): { ok: false; failure: BodyFailure } {
  return {
    ok: false,
    failure: {
      status: 413,
      code: "payload_too_large",
      message: `The body is larger than ${maxBytes} bytes; split it into smaller requests.`,
      details: { limit_bytes: maxBytes },
    },
  };
}

/**
 * The body, refused as soon as it is known to exceed `maxBytes`: up front by
 * Content-Length, and while streaming for chunked or lying senders. Never
 * holds more than `maxBytes` (plus one chunk) in memory.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Result<Uint8Array>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > maxBytes) return tooLarge(maxBytes);
  if (!request.body) return { ok: true, value: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return { ok: true, value: out };
}

/** UTF-8 with an optional BOM (stripped). */
export function decodeUtf8(bytes: Uint8Array): Result<string> {
  try {
    return { ok: true, value: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, failure: { status: 400, code: "invalid_encoding", message: "The body is not valid UTF-8." } };
  }
}

/**
 * Records from the body text. `json` and `sniff` accept one object, an array,
 * or (detected) NDJSON: a first value followed, on a later line, by more.
 */
export function parseRecordsText(text: string, kind: BodyKind): Result<unknown[]> {
  if (text.trim() === "")
    return fail(400, "empty_body", "The body is empty: send a call record, an array of them, or NDJSON.");
  if (kind === "ndjson") return parseNdjson(text);

  let value: unknown;
  try {
    value = parseJsonExact(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    if (err.kind === "trailing" && /\n[ \t\r]*$/.test(text.slice(0, err.position))) return parseNdjson(text);
    return fail(400, "malformed_json", `Malformed JSON at line ${err.line}, column ${err.column}: ${err.reason}.`, {
      line: err.line,
      column: err.column,
      position: err.position,
    });
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return fail(400, "empty_body", "The array holds no records.");
    return countChecked(value);
  }
  if (typeof value === "object" && value !== null) return { ok: true, value: [value] };
  return fail(400, "invalid_body", "Expected a call record object, an array of them, or NDJSON (one object per line).");
}

function parseNdjson(text: string): Result<unknown[]> {
  const items: unknown[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\r$/, "");
    if (line.trim() === "") continue;
    if (items.length === MAX_RECORDS_PER_BATCH) return tooMany();
    try {
      items.push(parseJsonExact(line));
    } catch (err) {
      if (!(err instanceof JsonSyntaxError)) throw err;
      return fail(400, "malformed_ndjson", `Malformed NDJSON at line ${i + 1}, column ${err.column}: ${err.reason}.`, {
        line: i + 1,
        column: err.column,
      });
    }
  }
  return items.length === 0 ? fail(400, "empty_body", "The body holds no records.") : { ok: true, value: items };
}

function countChecked(items: unknown[]): Result<unknown[]> {
  return items.length > MAX_RECORDS_PER_BATCH ? tooMany() : { ok: true, value: items };
}

function tooMany(): { ok: false; failure: BodyFailure } {
  return {
    ok: false,
    failure: {
      status: 413,
      code: "too_many_records",
      message: `More than ${MAX_RECORDS_PER_BATCH} records in one request; split them into batches of at most ${MAX_RECORDS_PER_BATCH}.`,
      details: { limit_records: MAX_RECORDS_PER_BATCH },
    },
  };
}

function fail(
  status: BodyFailure["status"],
  code: string,
  message: string,
  details?: BodyFailure["details"],
): { ok: false; failure: BodyFailure } {
  return { ok: false, failure: { status, code, message, ...(details ? { details } : {}) } };
}
