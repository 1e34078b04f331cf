/**
 * A permitted calling window: "HH:MM-HH:MM" in DISPLAY_TIME_ZONE, the start
 * included and the end excluded (08:00-21:00 permits 08:00:00 up to
 * 20:59:59.999). The end may be 24:00; a start after the end wraps midnight.
 */
export const CALLING_HOURS = /^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

export function isCallingHours(value: string): boolean {
  return CALLING_HOURS.test(value);
}
