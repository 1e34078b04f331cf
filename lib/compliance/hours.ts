/**
 * A permitted calling window: "HH:MM-HH:MM" in DISPLAY_TIME_ZONE, the start
 * included and the end excluded (08:00-21:00 permits 08:00:00 up to
 * 20:59:59.999). The end may be 24:00; a start after the end wraps midnight.
 */
export const CALLING_HOURS = /^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

export function isCallingHours(value: string): boolean {
  return CALLING_HOURS.test(value);
}

export type CallingHoursProblem = "format" | "empty";

/**
 * A job's calling window as a supervisor types it: spaces around the dash are
 * dropped, then it must be "HH:MM-HH:MM" in 24-hour time (end 24:00 allowed).
 * A start after the end is a window across midnight (22:00-06:00), as for
 * COMPLIANCE_CALLING_HOURS; a start equal to the end is refused: it reads as
 * "never" to the check, and as "always" to most people.
 */
export function checkCallingHours(
  value: string,
): { ok: true; value: string } | { ok: false; problem: CallingHoursProblem } {
  const v = value.trim().replace(/\s*-\s*/, "-");
  if (!CALLING_HOURS.test(v)) return { ok: false, problem: "format" };
  const [start, end] = v.split("-");
  return start === end ? { ok: false, problem: "empty" } : { ok: true, value: v };
}
