import { z } from "zod";
import { CALLING_HOURS } from "../compliance/hours";

/** Calling-compliance checks. */
export const complianceSection = z.object({
  /** Permitted calling window, "HH:MM-HH:MM" in DISPLAY_TIME_ZONE (start inclusive, end exclusive); jobs may override it. */
  COMPLIANCE_CALLING_HOURS: z
    .string()
    .regex(CALLING_HOURS, 'COMPLIANCE_CALLING_HOURS must be "HH:MM-HH:MM", e.g. 08:00-21:00')
    .default("08:00-21:00"),
  /** Calls to one number per day (DISPLAY_TIME_ZONE) before the next one is flagged. */
  COMPLIANCE_MAX_CALLS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(3),
  /** Calls to one number in 7 days (the call's day and the 6 before) before the next one is flagged. */
  COMPLIANCE_MAX_CALLS_PER_7_DAYS: z.coerce.number().int().min(1).max(10000).default(10),
  /** How far chat_duration may exceed end_time − start_time (or fall short of it past the ringing) before it is an anomaly. */
  COMPLIANCE_DURATION_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  /** The longest ringing before an answer: an answered call's start to end may exceed its talk time by this much. */
  COMPLIANCE_MAX_RING_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
});
