import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { RECEIVE_CALL_RECORD_RESPONSE_KEY, type LvmsResultDto, type TopErrorResponse } from "./dto";

/**
 * Reads a gateway answer: JSON wrapped in `<method>_response` or simplified
 * (no wrapper), or XML; `error_response` in either. The answer is external
 * input, so every shape is checked with zod; anything else is "unparseable".
 */

export type ParsedTopAnswer =
  { ok: true; result?: LvmsResultDto; error?: TopErrorResponse; requestId?: string } | { ok: false; reason: string };

const boolish = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
const numberish = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const stringish = z.union([z.string(), z.number().transform(String)]);

const resultSchema = z.object({
  count: numberish.optional(),
  success: boolish,
  code: stringish.optional(),
  message: stringish.optional(),
});

const errorSchema = z.object({
  code: numberish,
  msg: stringish.optional().default(""),
  sub_code: stringish.optional(),
  sub_msg: stringish.optional(),
  request_id: stringish.optional(),
});

const successBodySchema = z.object({
  lvms_result_d_t_o: resultSchema.optional(),
  request_id: stringish.optional(),
});

const xml = new XMLParser({ parseTagValue: false, ignoreAttributes: true, trimValues: true, processEntities: true });

export function parseTopAnswer(body: string, contentType = ""): ParsedTopAnswer {
  const text = body.trim();
  if (!text) return { ok: false, reason: "empty body" };
  let doc: unknown;
  if (text.startsWith("<") || /xml/i.test(contentType)) {
    try {
      doc = xml.parse(text, true);
    } catch (err) {
      return { ok: false, reason: `malformed XML: ${(err as Error).message.split("\n")[0]}` };
    }
  } else {
    try {
      doc = JSON.parse(text);
    } catch {
      return { ok: false, reason: "malformed JSON" };
    }
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return { ok: false, reason: "not an object" };
  const root = doc as Record<string, unknown>;

  if ("error_response" in root) {
    const e = errorSchema.safeParse(root.error_response);
    if (!e.success) return { ok: false, reason: "error_response without a numeric code" };
    const { request_id, ...error } = e.data;
    return {
      ok: true,
      error: {
        code: error.code,
        msg: decodeEntities(error.msg),
        ...(error.sub_code !== undefined ? { sub_code: error.sub_code } : {}),
        ...(error.sub_msg !== undefined ? { sub_msg: decodeEntities(error.sub_msg) } : {}),
      },
      requestId: request_id,
    };
  }

  // Wrapped (`alibaba_lvms_lvr_receivecallrecord_response`) or simplified (fields at the root).
  const inner = RECEIVE_CALL_RECORD_RESPONSE_KEY in root ? root[RECEIVE_CALL_RECORD_RESPONSE_KEY] : root;
  const s = successBodySchema.safeParse(inner);
  if (!s.success || !s.data.lvms_result_d_t_o) return { ok: false, reason: "no lvms_result_d_t_o in the answer" };
  const r = s.data.lvms_result_d_t_o;
  return {
    ok: true,
    result: {
      success: r.success,
      ...(r.count !== undefined ? { count: r.count } : {}),
      ...(r.code !== undefined ? { code: r.code } : {}),
      ...(r.message !== undefined ? { message: decodeEntities(r.message) } : {}),
    },
    requestId: s.data.request_id,
  };
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** TOP puts HTML entities in messages (`&apos;`); XML answers are already decoded by the parser. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ent: string) => {
    if (ent[0] === "#") {
      const code = ent[1] === "x" || ent[1] === "X" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ent.toLowerCase()] ?? whole;
  });
}
