import { FILTER_PARAMS } from "../call-records/query/filter-values";
import { addDays, zonedToday } from "../time/zoned";

/**
 * A review queue is any `/calls` filter. With no filter given it is the
 * default: unreviewed calls with a recording from the last 7 days (today
 * and the six days before, in the display time zone).
 */

export function defaultQueueParams(timeZone: string, now = new Date()): URLSearchParams {
  return new URLSearchParams({ review: "unreviewed", audio: "true", from: addDays(zonedToday(now, timeZone), -6) });
}

/** The queue's filter parameters: those given, or the default queue when none is. */
export function queueParams(input: URLSearchParams, timeZone: string, now = new Date()): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of input) if ((FILTER_PARAMS as readonly string[]).includes(k)) out.append(k, v);
  return [...out.keys()].length ? out : defaultQueueParams(timeZone, now);
}
