import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { RECEIVE_CALL_RECORD_RESPONSE_KEY, type LvmsResultDto, type TopErrorResponse } from "../../lib/top/dto";

/** Answers the way the gateway does: HTTP 200, JSON (wrapped or simplified) or XML, request_id always. */

export interface AnswerFormat {
  format: "json" | "xml";
  simplify: boolean;
}

export function requestId(): string {
  return (
    randomBytes(8)
      .toString("base64url")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")
      .slice(0, 12) || "r0"
  );
}

const JSON_TYPE = "application/json;charset=UTF-8";
const XML_TYPE = "text/xml;charset=UTF-8";

export function sendError(res: ServerResponse, fmt: AnswerFormat, error: TopErrorResponse): void {
  const id = requestId();
  sendIn(res, fmt, {
    xml: () =>
      `<?xml version="1.0" encoding="utf-8" ?><error_response>${xmlFields({ ...error, request_id: id })}</error_response>`,
    json: () => JSON.stringify({ error_response: { ...error, request_id: id } }),
  });
}

export function sendResult(res: ServerResponse, fmt: AnswerFormat, result: LvmsResultDto): void {
  const id = requestId();
  sendIn(res, fmt, {
    xml: () =>
      `<?xml version="1.0" encoding="utf-8" ?><${RECEIVE_CALL_RECORD_RESPONSE_KEY}><lvms_result_d_t_o>${xmlFields(result)}</lvms_result_d_t_o><request_id>${id}</request_id></${RECEIVE_CALL_RECORD_RESPONSE_KEY}>`,
    json: () => {
      const body = { lvms_result_d_t_o: result, request_id: id };
      return JSON.stringify(fmt.simplify ? body : { [RECEIVE_CALL_RECORD_RESPONSE_KEY]: body });
    },
  });
}

/** The answer in the format the request asked for. */
function sendIn(res: ServerResponse, fmt: AnswerFormat, answer: { xml: () => string; json: () => string }): void {
  if (fmt.format === "xml") send(res, XML_TYPE, answer.xml());
  else send(res, JSON_TYPE, answer.json());
}

export function send(res: ServerResponse, contentType: string, body: string, status = 200): void {
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function xmlFields(obj: object): string {
  return Object.entries(obj)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
    .join("");
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}
