import { z } from "zod";
import { dailyCapSchema, ruleFilterSchema, ruleNameSchema, settleSecondsSchema } from "../../rules/schema";
import { HELD_BACK_REASONS } from "../../rules/data";
import { dateTime, idParam, int64String } from "./common";

export const ruleParams = z.object({ id: idParam });

const filter = ruleFilterSchema.meta({
  description:
    "a /calls query string, e.g. `job=123&status=ANSWERED`; an invalid parameter is a 400 at `filter.<param>`",
});
const settle = settleSecondsSchema.meta({ description: "seconds after a record's last change before it is sent" });
const cap = dailyCapSchema.meta({
  description: "records the rule may queue per day (DISPLAY_TIME_ZONE); null: no cap",
});

export const createRuleBody = z
  .strictObject({
    name: ruleNameSchema,
    filter,
    settle_seconds: settle.default(600),
    daily_cap: cap.default(null),
    enabled: z.boolean().default(false),
  })
  .meta({ id: "ReportingRuleRequest" });

export const patchRuleBody = z
  .strictObject({
    name: ruleNameSchema.optional(),
    filter: filter.optional(),
    settle_seconds: settle.optional(),
    daily_cap: cap.optional(),
    enabled: z.boolean().optional().meta({ description: "true also resumes a rule its rejection breaker paused" }),
  })
  .meta({ id: "ReportingRulePatch" });

export const ruleSchema = z
  .strictObject({
    id: int64String,
    name: z.string(),
    filter: z.string(),
    settle_seconds: z.number().int(),
    daily_cap: z.number().int().nullable(),
    enabled: z.boolean(),
    paused: z
      .strictObject({ kind: z.enum(["config", "rejections"]), reason: z.string(), at: dateTime })
      .nullable()
      .meta({ description: "why an enabled rule is not sending: a configuration error, or its rejection breaker" }),
    updated_by: z.string(),
    updated_at: dateTime,
    created_at: dateTime,
    today: z.strictObject({
      queued: z.number().int(),
      accepted: z.number().int(),
      failed: z.number().int(),
      waiting: z.number().int(),
    }),
  })
  .meta({ id: "ReportingRule" });

export const ruleListSchema = z.strictObject({ items: z.array(ruleSchema) }).meta({ id: "ReportingRuleList" });

export const ruleDryRunSchema = z
  .strictObject({
    matching: z.number().int().meta({ description: "records the filter matches now" }),
    would_send: z.number().int().meta({ description: "records the rule would queue now (today's cap applied)" }),
    held_back: z.array(z.strictObject({ reason: z.enum(HELD_BACK_REASONS), count: z.number().int() })),
  })
  .meta({ id: "ReportingRuleDryRun" });

export const ruleDeletedSchema = z.strictObject({ deleted: z.literal(true) }).meta({ id: "ReportingRuleDeleted" });
