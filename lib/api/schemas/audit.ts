import { z } from "zod";
import { positiveInt64IdSchema } from "../../input/schema";
import { dateTime, int64String } from "./common";

export const auditQuery = z.object({
  user: z.string().trim().max(254).optional().meta({ description: "actor or target contains this" }),
  action: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: "action starts with this, e.g. `api.` or `submission.`" }),
  from: z.string().optional().meta({ description: "yyyy-MM-dd or ISO 8601 date-time" }),
  to: z.string().optional().meta({ description: "yyyy-MM-dd (whole day) or ISO 8601 date-time" }),
  before: positiveInt64IdSchema("must be an event id")
    .optional()
    .meta({ description: "next_cursor of the previous page" }),
});

export const auditEventSchema = z
  .strictObject({
    id: int64String,
    at: dateTime,
    actor_email: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    details: z.unknown(),
  })
  .meta({ id: "AuditEvent" });
export const auditPageSchema = z
  .strictObject({ data: z.array(auditEventSchema), next_cursor: z.string().nullable() })
  .meta({ id: "AuditPage" });
