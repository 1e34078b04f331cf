import { parseDateRangeParams, type ParamSource, type DateRangeJobs } from "../input/date-range";

/**
 * The `/quality` parameters: `from`, `to` (days in DISPLAY_TIME_ZONE,
 * inclusive, of when a call was scored) and `job` (repeatable, or one field
 * of ids separated by spaces or commas). A bad value is reported and ignored:
 * the page says which parameter and why, and shows the default range.
 */

/** Longest range one page covers. */
export const MAX_DAYS = 366;
/** Days shown when no range is given: four weeks, today included. */
export const DEFAULT_DAYS = 28;

export type QualityRange = DateRangeJobs;

/** The range, and what was wrong with the parameters (each one reported and ignored). */
export type ParsedQuality = ReturnType<typeof parseDateRangeParams>;

export function parseQualityParams(source: ParamSource, timeZone: string, now = new Date()): ParsedQuality {
  return parseDateRangeParams(
    source,
    timeZone,
    {
      defaultDays: DEFAULT_DAYS,
      maxDays: MAX_DAYS,
      dayMessage: "must be a real calendar date yyyy-MM-dd",
      // The page echoes a bad value in its notice: a pasted screenful need not be.
      valueLength: 40,
    },
    now,
  );
}
