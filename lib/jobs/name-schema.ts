import { z } from "zod";
import { positiveInt64IdSchema } from "../input/schema";
import { checkCallingHours, type CallingHoursProblem } from "../compliance/hours";

/** A job's console data as a supervisor edits it on the job's page (blank: none). */
export const JOB_NAME_MAX = 120;

const blankIsNull = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v));

/** The English a refused calling window gets (the job page says it in the user's language first). */
export const CALLING_HOURS_MESSAGES: Readonly<Record<CallingHoursProblem, string>> = {
  format: 'must be "HH:MM-HH:MM" in 24-hour time, e.g. 08:00-21:00 (blank: the default window)',
  empty: "starts and ends at the same time, which permits no call",
};

/** A job's own calling window: blank clears it (null: COMPLIANCE_CALLING_HOURS); absent leaves it as it is. */
const callingHours = z
  .string()
  .max(40, "is too long")
  .transform((v, ctx) => {
    if (v.trim() === "") return null;
    const checked = checkCallingHours(v);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: "custom", message: CALLING_HOURS_MESSAGES[checked.problem], input: v });
    return z.NEVER;
  })
  .optional();

export const jobNameSchema = z.object({
  jobId: positiveInt64IdSchema("must be a robot_call_job_id"),
  name: blankIsNull(JOB_NAME_MAX),
  creditor: blankIsNull(JOB_NAME_MAX),
  note: blankIsNull(1_000),
  callingHours,
});
export type JobNameInput = z.input<typeof jobNameSchema>;

export const jobSearchSchema = z.object({ q: z.string().trim().min(1).max(100) });
