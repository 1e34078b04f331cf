import { z } from "zod";
import { parseCallFilters } from "../call-records/query/filters";
import { int64IdSchema, textSchema } from "../input/schema";

/**
 * A reporting rule's input, shared by the console's form and the REST API
 * (which spells the fields in snake_case: lib/api/schemas/rules.ts).
 */

export const SETTLE_DEFAULT_SECONDS = 600;
/** A week: a longer settle delay is a rule that never sends. */
export const SETTLE_MAX_SECONDS = 7 * 24 * 3600;

/** A /calls query string, checked by the /calls parser itself: an invalid parameter is an issue at `filter.<param>`. */
export const ruleFilterSchema = textSchema.pipe(z.string().max(4_000)).transform((raw, ctx) => {
  const query = raw.trim().replace(/^\?/, "");
  const { errors } = parseCallFilters(new URLSearchParams(query));
  for (const e of errors) ctx.addIssue({ code: "custom", path: [e.param], message: e.message });
  return query;
});

export const ruleNameSchema = textSchema.pipe(z.string().trim().min(1, "must not be empty").max(100));
export const settleSecondsSchema = z.number().int().min(0).max(SETTLE_MAX_SECONDS);
export const dailyCapSchema = z.number().int().min(1).max(10_000_000).nullable();

export const ruleInputSchema = z.object({
  name: ruleNameSchema,
  filter: ruleFilterSchema,
  settleSeconds: settleSecondsSchema.default(SETTLE_DEFAULT_SECONDS),
  dailyCap: dailyCapSchema.default(null),
  enabled: z.boolean().default(false),
});
export type RuleInput = z.output<typeof ruleInputSchema>;

export const rulePatchSchema = z.object({
  name: ruleNameSchema.optional(),
  filter: ruleFilterSchema.optional(),
  settleSeconds: settleSecondsSchema.optional(),
  dailyCap: dailyCapSchema.optional(),
  enabled: z.boolean().optional(),
});
export type RulePatch = z.output<typeof rulePatchSchema>;

export const ruleIdSchema = int64IdSchema;
/** One rule, by its id (delete). */
export const ruleRefSchema = z.object({ ruleId: ruleIdSchema });
export const ruleUpdateSchema = z.object({ ruleId: ruleIdSchema, patch: rulePatchSchema });

/** A dry run of a saved rule (its cursor counts) or of a rule being written (from the start). */
export const dryRunInputSchema = z.object({
  ruleId: ruleIdSchema.optional(),
  filter: ruleFilterSchema,
  settleSeconds: settleSecondsSchema.default(SETTLE_DEFAULT_SECONDS),
  dailyCap: dailyCapSchema.default(null),
});
