import { z } from "zod";
import { PAGE_SIZES, REVIEW_STATES, SORTS, SUBMISSION_STATES } from "./filter-values";

/**
 * The `/calls` URL parameters: a public contract (people paste these links),
 * parsed by this one schema (on the server: the browser gets the parsed
 * filters, and builds links with filter-params.ts, which holds no zod).
 * Multi-valued parameters repeat (`status=BUSY&status=NO_ANSWER`).
 */

export { PAGE_SIZES, REVIEW_STATES, SORTS, SUBMISSION_STATES } from "./filter-values";

const INT64_MAX = 9223372036854775807n;
const int64 = z
  .string()
  .regex(/^\d{1,19}$/, "must be a positive integer id")
  .transform((s) => BigInt(s))
  .refine((n) => n > 0n && n <= INT64_MAX, "is out of the int64 range");

const day = /^\d{4}-\d{2}-\d{2}$/;
const dateParam = z
  .string()
  .refine((s) => day.test(s) || !Number.isNaN(Date.parse(s)), "must be yyyy-MM-dd or an ISO 8601 date-time");

export const callFiltersSchema = z.object({
  job: z.array(int64).default([]),
  status: z.array(z.string().trim().min(1).max(64)).default([]),
  intent: z
    .array(
      z
        .string()
        .regex(/^\d{1,19}:-?\d{1,9}$/, "must be <tagId>:<code>")
        .transform((s) => {
          const [tag, code] = s.split(":") as [string, string];
          return { tagId: BigInt(tag), code: Number(code) };
        }),
    )
    .default([]),
  submission: z.array(z.enum(SUBMISSION_STATES, { error: `must be one of ${SUBMISSION_STATES.join(", ")}` })).default([]),
  review: z.array(z.enum(REVIEW_STATES, { error: `must be one of ${REVIEW_STATES.join(", ")}` })).default([]),
  /** Who gave the current verdict (user id). */
  reviewer: z.array(int64).default([]),
  from: dateParam.optional(),
  to: dateParam.optional(),
  minDuration: z.coerce.number().int().min(0).optional(),
  maxDuration: z.coerce.number().int().min(0).optional(),
  audio: z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true").optional(),
  q: z.string().trim().max(100).optional().transform((v) => (v ? v : undefined)),
  sort: z.enum(SORTS, { error: `must be one of ${SORTS.join(", ")}` }).default("-start_time"),
  cursor: z.string().max(200).optional(),
  size: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), `must be one of ${PAGE_SIZES.join(", ")}`)
    .default(50),
});

export type CallFilters = z.infer<typeof callFiltersSchema>;

const MULTI = new Set(["job", "status", "intent", "submission", "review", "reviewer"]);

export interface ParsedFilters {
  filters: CallFilters;
  /**
   * Parameters that were ignored because they are invalid, with the reason
   * (`value`: the offending value of a repeated parameter; `code` for the
   * one rule that spans two parameters), so the UI can say it in its language.
   */
  errors: { param: string; message: string; value?: string; code?: "min_above_max" }[];
}

/**
 * Parses URL search params. An invalid parameter is dropped and reported
 * (the page says which one and why) instead of failing the whole page.
 */
export function parseCallFilters(input: URLSearchParams | Record<string, string | string[] | undefined>): ParsedFilters {
  const raw: Record<string, string | string[]> = {};
  const entries: [string, string][] =
    input instanceof URLSearchParams
      ? [...input.entries()]
      : Object.entries(input).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x] as [string, string])));
  for (const [key, value] of entries) {
    if (!(key in callFiltersSchema.shape)) continue;
    if (MULTI.has(key)) ((raw[key] ??= []) as string[]).push(value);
    else raw[key] = value;
  }

  const errors: ParsedFilters["errors"] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = callFiltersSchema.safeParse(raw);
    if (result.success) {
      if (result.data.minDuration !== undefined && result.data.maxDuration !== undefined && result.data.minDuration > result.data.maxDuration) {
        errors.push({ param: "maxDuration", message: "must not be below minDuration", code: "min_above_max" });
        delete raw.maxDuration;
        continue;
      }
      return { filters: result.data, errors };
    }
    // Drop each offending value (or whole parameter) and try again.
    for (const issue of result.error.issues) {
      const [param, index] = issue.path as [string, number | undefined];
      const value = raw[param];
      const offending = typeof index === "number" && Array.isArray(value) ? value[index] : undefined;
      errors.push({ param, message: `${offending !== undefined ? `"${offending}" ` : ""}${issue.message}`, ...(offending !== undefined ? { value: offending } : {}) });
      if (Array.isArray(value) && typeof index === "number") value.splice(index, 1, "\u0000drop");
      else delete raw[param];
    }
    for (const key of Object.keys(raw)) {
      const v = raw[key];
      if (Array.isArray(v)) raw[key] = v.filter((x) => x !== "\u0000drop");
    }
  }
  return { filters: callFiltersSchema.parse({}), errors };
}
