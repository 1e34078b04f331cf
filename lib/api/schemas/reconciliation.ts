import { z } from "zod";
import { dateTime, int64String } from "./common";

export const reconciliationQuery = z.object({
  from: z
    .string()
    .optional()
    .meta({ description: "first call day, yyyy-MM-dd in DISPLAY_TIME_ZONE (default: 6 days before `to`)" }),
  to: z.string().optional().meta({ description: "last call day, yyyy-MM-dd (default: today); at most 366 days" }),
  job: z.string().optional().meta({ description: "robot_call_job_id; repeat for several" }),
});

const counts = {
  received: z.number().int(),
  not_submitted: z.number().int(),
  queued: z.number().int().meta({ description: "queued or waiting for a retry" }),
  in_flight: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  failed: z.number().int().meta({ description: "given up" }),
  overdue: z.number().int().meta({ description: "received before overdue_before and not accepted" }),
};

export const reconciliationSchema = z
  .strictObject({
    from: z.string(),
    to: z.string(),
    job: z.array(int64String),
    overdue_before: dateTime,
    overdue_hours: z.number(),
    data: z.array(z.strictObject({ day: z.string(), robot_call_job_id: int64String, ...counts })),
    totals: z.strictObject(counts),
    gap_minutes: z.number().int().meta({ description: "RECONCILE_GAP_MINUTES" }),
    calling_hours: z
      .string()
      .meta({ description: "COMPLIANCE_CALLING_HOURS: only silences inside these hours are gaps" }),
    gaps: z
      .array(
        z.strictObject({
          job: int64String,
          day: z.string().meta({ description: "call day, yyyy-MM-dd in DISPLAY_TIME_ZONE" }),
          from: dateTime,
          to: dateTime,
          minutes: z.number().int(),
        }),
      )
      .meta({
        description:
          "Silences longer than gap_minutes inside calling_hours between two calls of a job on one day; the latest 31 days of the range, at most 500",
      }),
  })
  .meta({ id: "Reconciliation" });
