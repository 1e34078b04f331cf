import { z } from "zod";

/** A job's console data as a supervisor edits it on the job's page (blank: none). */
export const JOB_NAME_MAX = 120;

const blankIsNull = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v));

export const jobNameSchema = z.object({
  jobId: z
    .string()
    .regex(/^\d{1,19}$/, "must be a robot_call_job_id")
    .refine((s) => BigInt(s) <= 9223372036854775807n && BigInt(s) > 0n, "is out of the int64 range"),
  name: blankIsNull(JOB_NAME_MAX),
  creditor: blankIsNull(JOB_NAME_MAX),
  note: blankIsNull(1_000),
});
export type JobNameInput = z.input<typeof jobNameSchema>;

export const jobSearchSchema = z.object({ q: z.string().trim().min(1).max(100) });
