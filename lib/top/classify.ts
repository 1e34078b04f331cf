import type { LvmsResultDto, TopErrorResponse } from "./dto";

/**
 * What an answer means for the record (docs/top-protocol.md, "Error codes"):
 *   accepted   no error_response and success === true
 *   rejected   the platform said no to this record: fix it, don't retry
 *   transient  try again later (rate limits, platform faults, transport)
 *   config     will fail for every record until someone fixes the setup:
 *              stop the batch and say why
 */
export type TopOutcomeKind = "accepted" | "rejected" | "transient" | "config";

// Rate limits (4-8) and "service unavailable" (10): retried.
const TRANSIENT_CODES = new Set([4, 5, 6, 7, 8, 10]);
// Wrong or missing method, format, signature, app key, session, timestamp
// (clock skew is a host problem), version, permissions, forbidden: every
// record would fail the same way.
const CONFIG_CODES = new Set([9, 11, 12, 13, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 42]);
// Missing/invalid arguments, parameter error, upload failure: this record.
const REJECTED_CODES = new Set([3, 40, 41, 43]);
// isv.* sub codes that are about the app, not the record.
const CONFIG_SUB_CODES = new Set([
  "isv.appkey-not-exists",
  "isv.invalid-signature",
  "isv.permission-api-package-limit",
  "isv.permission-api-package-empty",
]);

export function classifyAnswer(answer: { result?: LvmsResultDto; error?: TopErrorResponse }): {
  kind: TopOutcomeKind;
  retryAfterMs?: number;
} {
  const { error, result } = answer;
  if (error) {
    const sub = error.sub_code ?? "";
    const retryAfterMs = banSeconds(error.sub_msg) ?? banSeconds(error.msg);
    if (sub.startsWith("isp.")) return withRetry("transient", retryAfterMs);
    if (CONFIG_SUB_CODES.has(sub)) return { kind: "config" };
    if (TRANSIENT_CODES.has(error.code)) return withRetry("transient", retryAfterMs);
    if (CONFIG_CODES.has(error.code)) return { kind: "config" };
    if (sub.startsWith("isv.")) return { kind: "rejected" };
    if (REJECTED_CODES.has(error.code)) return { kind: "rejected" };
    // 15/50 "Remote service error" without a telling sub code, or a code the
    // table does not know: the platform failed in a way we can't pin on the
    // record, so retry (bounded by the worker's attempt limit).
    return withRetry("transient", retryAfterMs);
  }
  if (result?.success === true) return { kind: "accepted" };
  if (result) return { kind: "rejected" };
  return { kind: "transient" };
}

function withRetry(kind: TopOutcomeKind, retryAfterMs: number | undefined) {
  return retryAfterMs === undefined ? { kind } : { kind, retryAfterMs };
}

/** "This ban will last for 2 more seconds" → 2000. */
export function banSeconds(message: string | undefined): number | undefined {
  const m = message ? /ban will last for (\d+) more seconds?/i.exec(message) : null;
  return m ? Number(m[1]) * 1000 : undefined;
}
