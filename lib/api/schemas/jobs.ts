import { z } from "zod";
import { JOB_SORTS } from "../../jobs/params";
import { dateTime, idParam, int64String, total } from "./common";
import { countFields } from "./count-fields";

export const jobsQuery = z.object({
  sort: z.enum(JOB_SORTS).default("last_call"),
  cursor: z.string().max(100).optional().meta({ description: "next_cursor of the previous page" }),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export const jobParams = z.object({ robot_call_job_id: idParam });

export const jobSummarySchema = z
  .strictObject({
    robot_call_job_id: int64String,
    ...countFields("total", "answered"),
    avg_talk_seconds: z.number().nullable(),
    ...countFields("accepted", "rejected", "pending", "not_submitted", "reviewed", "flagged"),
    first_call: dateTime.nullable(),
    last_call: dateTime.nullable(),
  })
  .meta({ id: "JobSummary" });

export const jobPageSchema = z
  .strictObject({ data: z.array(jobSummarySchema), next_cursor: z.string().nullable(), total })
  .meta({ id: "JobPage" });

const counted = <T extends z.ZodRawShape>(shape: T) => z.array(z.strictObject({ ...shape, count: z.number().int() }));
export const jobDetailSchema = z
  .strictObject({
    ...jobSummarySchema.shape,
    by_hour: counted({ hour: z.number().int() }),
    by_day: counted({ day: z.string() }),
    durations: counted({ label: z.string(), min: z.number().int(), max: z.number().int().nullable() }),
    by_status: counted({ status: z.string() }),
    by_intent: counted({ tag_id: int64String, code: z.number().int(), name: z.string().nullable() }),
  })
  .meta({ id: "JobDetail" });
