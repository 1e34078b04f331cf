/** The allowed values of the `/calls` URL parameters, shared by the parser (filters.ts) and the browser-side serialiser (filter-params.ts). */
import { COMPLIANCE_KINDS } from "../../compliance/flags";

export const SUBMISSION_STATES = [
  "not_submitted",
  "queued",
  "in_flight",
  "accepted",
  "rejected",
  "retrying",
  "failed",
] as const;
export const REVIEW_STATES = ["unreviewed", "passed", "flagged"] as const;
export const SORTS = ["-start_time", "start_time", "-chat_duration", "chat_duration"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;
/** `compliance=`: a kind of flag, or `any` (a call with at least one). */
export const COMPLIANCE_FILTERS = [...COMPLIANCE_KINDS, "any"] as const;
/** `critical=`: calls whose current review failed a critical scorecard item, or scored without failing one. */
export const CRITICAL_FILTERS = ["failed", "passed"] as const;

/**
 * The parameters that choose and order records (`size` and `cursor` only
 * page through them): a review queue is any set of these.
 */
export const FILTER_PARAMS = [
  "job",
  "status",
  "intent",
  "submission",
  "review",
  "compliance",
  "reviewer",
  "batch",
  "from",
  "to",
  "receivedBefore",
  "minDuration",
  "maxDuration",
  "audio",
  "hold",
  "minScore",
  "maxScore",
  "critical",
  "q",
  "sort",
] as const;

/** The parameters whose values are one of a list, with their lists. */
export const ALLOWED_VALUES: Readonly<Record<string, readonly (string | number)[]>> = {
  submission: SUBMISSION_STATES,
  review: REVIEW_STATES,
  compliance: COMPLIANCE_FILTERS,
  critical: CRITICAL_FILTERS,
  sort: SORTS,
  size: PAGE_SIZES,
};
