import { parseDateRangeParams, type DateRangeError, type ParamSource, type DateRangeJobs } from "../input/date-range";

/**
 * The `/reconciliation` (and its CSV) parameters: `from`, `to` (days in
 * DISPLAY_TIME_ZONE, inclusive) and `job` (repeatable). A bad value is
 * reported and ignored, as on /calls; the page shows it, the routes answer 400.
 */

/** Longest range one report covers: a year of days × jobs is still a small table. */
export const MAX_DAYS = 366;
/** Days shown when no range is given: the last week, today included. */
export const DEFAULT_DAYS = 7;

export type ReconciliationQuery = DateRangeJobs;

export interface ParsedReconciliation {
  query: ReconciliationQuery;
  errors: DateRangeError[];
}

export function parseReconciliationParams(
  source: ParamSource,
  timeZone: string,
  now = new Date(),
): ParsedReconciliation {
  const { range, errors } = parseDateRangeParams(
    source,
    timeZone,
    { defaultDays: DEFAULT_DAYS, maxDays: MAX_DAYS, dayMessage: "must be a calendar date yyyy-MM-dd" },
    now,
  );
  return { query: range, errors };
}
