import { z } from "zod";
import { Prisma } from "../db/client";
import { parseCallFilters } from "../call-records/query/filters";
import { callFiltersWhere } from "../call-records/query/where";
import { int64IdSchema } from "../input/schema";

/**
 * What a batch sends: records picked one by one (at most a page or a few),
 * or everything matching a `/calls` filter — carried as the filter itself,
 * never as a million ids.
 */
export const selectionSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("ids"),
    ids: z.array(int64IdSchema).min(1, "select at least one record").max(10_000),
  }),
  z.object({ type: z.literal("filter"), query: z.string().max(4_000) }),
  z.object({ type: z.literal("job"), jobId: int64IdSchema }),
  z.object({
    type: z.literal("batch"),
    batchId: int64IdSchema,
    /** One failure group of the batch: the records whose last answer had this code (null: no code). */
    failureCode: z.string().max(200).nullable().optional(),
  }),
]);

export type Selection = z.infer<typeof selectionSchema>;

/** SQL condition over call_records (aliased `r`) for a selection. */
export function selectionCondition(selection: Selection, timeZone: string): Prisma.Sql {
  switch (selection.type) {
    case "ids":
      return Prisma.sql`r.call_record_id IN (${Prisma.join(selection.ids.map((id) => BigInt(id)))})`;
    case "job":
      return Prisma.sql`r.robot_call_job_id = ${BigInt(selection.jobId)}`;
    case "batch": {
      const group =
        selection.failureCode === undefined
          ? Prisma.empty
          : Prisma.sql`AND state IN ('rejected', 'failed') AND last_code IS NOT DISTINCT FROM ${selection.failureCode}`;
      return Prisma.sql`r.id IN (SELECT record_id FROM submission_jobs WHERE batch_id = ${BigInt(selection.batchId)} ${group})`;
    }
    case "filter": {
      const { filters } = parseCallFilters(new URLSearchParams(selection.query));
      const where = callFiltersWhere({ ...filters, cursor: undefined }, timeZone);
      // callFiltersWhere renders "WHERE …" over unaliased columns; wrap it as a subquery on ids.
      return where === Prisma.empty ? Prisma.sql`TRUE` : Prisma.sql`r.id IN (SELECT id FROM call_records ${where})`;
    }
  }
}

/** What the pre-submit check and a submission take: the selection, and whether to resend accepted records or only the failures. */
export const submitRequestSchema = z.object({
  selection: selectionSchema,
  resendAccepted: z.boolean().default(false),
  onlyFailures: z.boolean().default(false),
});
